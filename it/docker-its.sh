#!/usr/bin/env bash
# The Docker side of the integration tests, run by it/pom.xml around the invoker:
#
#   it/docker-its.sh setup OUT.properties [run|skip]
#                         before: decides whether the Docker cases (those with a selector.groovy that asks for
#                         dockerEnabled) run, and builds the stand-in base images they use
#                         (base-images.sh) and the faithful stand-ins of the plugin's default bases under their
#                         upstream names (upstream-bases.sh); installs docker-compose (apt) when missing, for the
#                         compose cases, and skopeo and oci-image-tool, which read what the cases push and save;
#                         registers qemu for arm64 and builds the arm64 stand-ins (platforms.sh), recording
#                         docker.it.arm64=true, or false with docker.it.arm64Reason: the platforms-*
#                         cases are then reported as skipped with that reason
#   it/docker-its.sh leftovers OUT.properties
#                         after: asks the engine for containers labelled dev.dockyard.run whose dev.dockyard.project
#                         label is a case of this suite, and for dangling images labelled dev.dockyard.managed
#                         created since setup; fails if there is any (other builds sharing the engine do not count)
#
# Engine reachable → base images built (once, see base-images.sh), all cases run.
# No engine → fails, whatever CI says: the Docker cases are part of the suite.
# No engine and -Dimage.it.docker=skip (the third argument) → one loud warning; the Docker cases are reported as
# skipped by the invoker (their selector.groovy reads dockerEnabled=false from OUT).
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?usage: $0 setup|leftovers OUT.properties [run|skip]}"
OUT="${2:?usage: $0 setup|leftovers OUT.properties [run|skip]}"
DOCKER_ITS="${3:-run}"
# shellcheck source=it/lib.sh
. "$HERE/lib.sh"

# The compose cases validate every generated file with Debian's docker-compose (1.29): install it when missing.
need_compose() {
  need_command docker-compose && return 0
  say "ERROR: could not install docker-compose with apt-get; install it (the compose cases run 'docker-compose config -q')"
  return 1
}

# Containers of this suite's cases that an interrupted earlier run in the same directory left behind (no case of
# this run has started yet): removed, so that they are not taken for this run's leftovers.
sweep_stale() {
  local cases stale
  cases="$(cd "$(dirname "$OUT")" && pwd)/it/"
  stale="$(docker ps -a --filter label=dev.dockyard.run --format '{{.ID}} {{.Label "dev.dockyard.project"}}' \
    | awk -v cases="$cases" 'index($2, cases) == 1 { print $1 }')" || return 1
  [ -z "$stale" ] && return 0
  say "removing $(echo "$stale" | wc -l) container(s) an interrupted earlier run of these cases left behind"
  # shellcheck disable=SC2086
  docker rm -f $stale > /dev/null
}

# arm64 HOST: platforms.sh register and bases; prints the properties docker.it.arm64 and docker.it.arm64Reason
arm64() {
  local reason status
  reason="$(DOCKER_HOST="$1" bash "$HERE/platforms.sh" register)"
  status=$?
  if [ "$status" -eq 0 ]; then
    reason="$(DOCKER_HOST="$1" bash "$HERE/platforms.sh" bases "$(dirname "$OUT")/platforms")"
    status=$?
  fi
  case "$status" in
    0) printf 'docker.it.arm64=true\ndocker.it.arm64Reason=none\n' ;;
    3)
      say "WARNING: NO linux/arm64 HERE: the arm64 cases are SKIPPED ($reason)"
      printf 'docker.it.arm64=false\ndocker.it.arm64Reason=%s\n' "$reason"
      ;;
    *) say "ERROR: platforms.sh failed (exit $status)"; return 1 ;;
  esac
}

setup() {
  mkdir -p "$(dirname "$OUT")"
  need_compose || return 1
  # the cases read what the plugin writes and pushes with independent tools
  need_command skopeo || return 1
  need_command oci-image-tool || return 1
  local host tried arm64
  if host="$(bash "$HERE/engine.sh" check)"; then
    say "Docker engine at $host: running the Docker integration tests"
    DOCKER_HOST="$host" bash "$HERE/base-images.sh" "$(dirname "$OUT")/base-images" || return 1
    DOCKER_HOST="$host" bash "$HERE/upstream-bases.sh" "$(dirname "$OUT")/upstream-bases" || return 1
    arm64="$(arm64 "$host")" || return 1
    DOCKER_HOST="$host" sweep_stale || return 1
    printf 'docker.it.host=%s\ndocker.it.started=%s\ndocker.it.enabled=true\n%s\n' "$host" "$(date +%s)" "$arm64" > "$OUT"
    return 0
  fi
  tried="${DOCKER_HOST:-unix://${DOCKYARD_DOCKER_DIR:-/tmp/dockyard-docker}/docker.sock and unix:///var/run/docker.sock}"
  case "$DOCKER_ITS" in
    skip)
      say "WARNING: NO DOCKER ENGINE at $tried and -Dimage.it.docker=skip: the Docker integration tests are SKIPPED (reported as skipped by the invoker)."
      printf 'docker.it.host=%s\ndocker.it.enabled=false\ndocker.it.arm64=false\ndocker.it.arm64Reason=no Docker engine\n' \
        "${DOCKER_HOST:-unix:///var/run/docker.sock}" > "$OUT"
      ;;
    run)
      say "ERROR: no Docker engine answers at $tried: the Docker integration tests need one. Run the build through 'bash it/engine.sh run mvn -B -ntp verify' (it starts an engine), point DOCKER_HOST at one, or skip those tests explicitly with -Dimage.it.docker=skip."
      return 1
      ;;
    *)
      say "ERROR: image.it.docker='$DOCKER_ITS' is neither 'run' nor 'skip'."
      return 1
      ;;
  esac
}

leftovers() {
  grep -q '^docker.it.enabled=true$' "$OUT" 2>/dev/null || return 0
  local host started containers="" images="" id created
  host="$(sed -n 's/^docker.it.host=//p' "$OUT")"
  started="$(sed -n 's/^docker.it.started=//p' "$OUT")"
  export DOCKER_HOST="$host"
  # every container labelled dev.dockyard.run whose dev.dockyard.project label (the module that started it) is
  # one of this suite's cases: other builds sharing the engine do not count
  local cases
  cases="$(cd "$(dirname "$OUT")/it" 2>/dev/null && pwd)" || return 0
  containers="$(docker ps -a --filter label=dev.dockyard.run --format \
      '{{.ID}} {{.Status}} dev.dockyard.run={{.Label "dev.dockyard.run"}} {{.Label "dev.dockyard.project"}}' \
    | awk -v cases="$cases/" 'index($NF, cases) == 1')" || return 1
  for id in $(docker images --filter dangling=true --filter label=dev.dockyard.managed --format '{{.ID}}'); do
    created="$(date -d "$(docker image inspect --format '{{.Created}}' "$id")" +%s)" || return 1
    [ "$created" -lt "$started" ] || images+="$id created $(date -u -d "@$created" +%FT%TZ)"$'\n'
  done
  if [ -n "$containers" ] || [ -n "$images" ]; then
    say "ERROR: the integration tests left containers or dangling images behind on $host:"
    [ -z "$containers" ] || printf 'containers (label dev.dockyard.run):\n%s\n' "$containers" >&2
    [ -z "$images" ] || printf 'dangling images (label dev.dockyard.managed):\n%s\n' "$images" >&2
    return 1
  fi
  say "the cases left no container (label dev.dockyard.run) and no dangling image (label dev.dockyard.managed)"
}

case "$MODE" in
  setup) setup ;;
  leftovers) leftovers ;;
  *) echo "usage: $0 setup|leftovers OUT.properties" >&2; exit 2 ;;
esac
