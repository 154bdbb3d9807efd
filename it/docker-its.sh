#!/usr/bin/env bash
# Setup step of the integration tests (run by it/pom.xml before the invoker): decides whether the Docker ITs
# (folders named build-*, verify-*, docker-*) run, and builds the stand-in base images they use.
#
#   it/docker-its.sh OUT.properties
#
# Engine reachable → base images built (once, see base-images.sh), all cases run.
# No engine and CI=true → fails: CI must exercise the real engine.
# No engine otherwise → one loud warning, the Docker cases are excluded through the properties written to OUT.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:?usage: $0 OUT.properties}"
mkdir -p "$(dirname "$OUT")"

if host="$(bash "$HERE/engine.sh" check)"; then
  echo "[docker-its] Docker engine at $host: running the Docker integration tests"
  DOCKER_HOST="$host" bash "$HERE/base-images.sh" "$(dirname "$OUT")/base-images" || exit 1
  printf 'docker.it.exclude.build=none\ndocker.it.exclude.verify=none\ndocker.it.exclude.docker=none\n' > "$OUT"
  exit 0
fi

tried="${DOCKER_HOST:-unix://${DOCKYARD_DOCKER_DIR:-/tmp/dockyard-docker}/docker.sock and unix:///var/run/docker.sock}"
if [ "${CI:-}" = "true" ]; then
  echo "[docker-its] ERROR: no Docker engine answers at $tried and CI=true: the Docker integration tests cannot be skipped in CI. Run the build through 'bash it/engine.sh run mvn -B -ntp verify'." >&2
  exit 1
fi
echo "[docker-its] WARNING: NO DOCKER ENGINE at $tried: SKIPPING the Docker integration tests (build-*, verify-*, docker-*). Start one with 'bash it/engine.sh start' and set DOCKER_HOST to what it prints." >&2
printf 'docker.it.exclude.build=build-*/pom.xml\ndocker.it.exclude.verify=verify-*/pom.xml\ndocker.it.exclude.docker=docker-*/pom.xml\n' > "$OUT"
