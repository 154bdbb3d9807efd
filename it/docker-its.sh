#!/usr/bin/env bash
# The Docker side of the integration tests, run by it/pom.xml around the invoker:
#
#   it/docker-its.sh setup OUT.properties      before: decides whether the Docker cases (folders named build-*,
#                                              verify-*, docker-*) run, and builds the stand-in base images they use;
#                                              installs docker-compose (apt) when missing, for the compose cases
#   it/docker-its.sh leftovers OUT.properties  after: fails if a container a case started (its dev.dockyard.run
#                                              label is in the case's build.log), or a dangling image labelled
#                                              dev.dockyard.managed created since setup, is left on the engine
#                                              (scoped so that other builds sharing the engine do not count)
#
# Engine reachable → base images built (once, see base-images.sh), all cases run.
# No engine and CI=true → fails: CI must exercise the real engine.
# No engine otherwise → one loud warning, the Docker cases are excluded through the properties written to OUT.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?usage: $0 setup|leftovers OUT.properties}"
OUT="${2:?usage: $0 setup|leftovers OUT.properties}"

# The compose cases validate every generated file with Debian's docker-compose (1.29): install it when missing.
need_compose() {
  command -v docker-compose >/dev/null 2>&1 && return 0
  echo "[docker-its] installing docker-compose (apt-get) for the compose cases"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! { $sudo apt-get install -y -qq docker-compose >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq docker-compose >/dev/null; }; }; then
    echo "[docker-its] ERROR: could not install docker-compose with apt-get; install it (the compose cases run 'docker-compose config -q')" >&2
    return 1
  fi
}

setup() {
  mkdir -p "$(dirname "$OUT")"
  need_compose || return 1
  local host tried
  if host="$(bash "$HERE/engine.sh" check)"; then
    echo "[docker-its] Docker engine at $host: running the Docker integration tests"
    DOCKER_HOST="$host" bash "$HERE/base-images.sh" "$(dirname "$OUT")/base-images" || return 1
    printf 'docker.it.host=%s\ndocker.it.started=%s\ndocker.it.enabled=true\ndocker.it.exclude.build=none\ndocker.it.exclude.verify=none\ndocker.it.exclude.docker=none\n' \
      "$host" "$(date +%s)" > "$OUT"
    return 0
  fi
  tried="${DOCKER_HOST:-unix://${DOCKYARD_DOCKER_DIR:-/tmp/dockyard-docker}/docker.sock and unix:///var/run/docker.sock}"
  if [ "${CI:-}" = "true" ]; then
    echo "[docker-its] ERROR: no Docker engine answers at $tried and CI=true: the Docker integration tests cannot be skipped in CI. Run the build through 'bash it/engine.sh run mvn -B -ntp verify'." >&2
    return 1
  fi
  echo "[docker-its] WARNING: NO DOCKER ENGINE at $tried: SKIPPING the Docker integration tests (build-*, verify-*, docker-*). Start one with 'bash it/engine.sh start' and set DOCKER_HOST to what it prints." >&2
  printf 'docker.it.host=%s\ndocker.it.enabled=false\ndocker.it.exclude.build=build-*/pom.xml\ndocker.it.exclude.verify=verify-*/pom.xml\ndocker.it.exclude.docker=docker-*/pom.xml\n' \
    "${DOCKER_HOST:-unix:///var/run/docker.sock}" > "$OUT"
}

leftovers() {
  grep -q '^docker.it.enabled=true$' "$OUT" 2>/dev/null || return 0
  local host started run containers="" images="" id created
  host="$(sed -n 's/^docker.it.host=//p' "$OUT")"
  started="$(sed -n 's/^docker.it.started=//p' "$OUT")"
  export DOCKER_HOST="$host"
  for run in $(cat "$(dirname "$OUT")"/it/*/build.log 2>/dev/null \
      | sed -n 's/.*label dev\.dockyard\.run=\([^) ]*\)).*/\1/p' | sort -u); do
    containers+="$(docker ps -a --filter "label=dev.dockyard.run=$run" \
      --format '{{.ID}} {{.Status}} dev.dockyard.run={{.Label "dev.dockyard.run"}}')" || return 1
  done
  for id in $(docker images --filter dangling=true --filter label=dev.dockyard.managed --format '{{.ID}}'); do
    created="$(date -d "$(docker image inspect --format '{{.Created}}' "$id")" +%s)" || return 1
    [ "$created" -lt "$started" ] || images+="$id created $(date -u -d "@$created" +%FT%TZ)"$'\n'
  done
  if [ -n "$containers" ] || [ -n "$images" ]; then
    echo "[docker-its] ERROR: the integration tests left containers or dangling images behind on $host:" >&2
    [ -z "$containers" ] || printf 'containers (label dev.dockyard.run):\n%s\n' "$containers" >&2
    [ -z "$images" ] || printf 'dangling images (label dev.dockyard.managed):\n%s\n' "$images" >&2
    return 1
  fi
  echo "[docker-its] the cases left no container (label dev.dockyard.run) and no dangling image (label dev.dockyard.managed)"
}

case "$MODE" in
  setup) setup ;;
  leftovers) leftovers ;;
  *) echo "usage: $0 setup|leftovers OUT.properties" >&2; exit 2 ;;
esac
