#!/usr/bin/env bash
# The servers the distribution cases (docker-push-*, docker-remote-*) use, run by it/pom.xml around the invoker:
#
#   it/dist-its.sh setup DOCKER_ITS.properties OUT.properties   before: when the Docker cases run, starts the
#                                                               registry (registry.sh) and writes its address
#   it/dist-its.sh teardown OUT.properties                      after: stops what setup started
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?usage: $0 setup DOCKER_ITS.properties OUT.properties | teardown OUT.properties}"

setup() {
  local docker="$1" out="$2" work
  work="$(dirname "$out")"
  mkdir -p "$work"
  if ! grep -q '^docker.it.enabled=true$' "$docker" 2>/dev/null; then
    printf 'docker.it.registry=none\n' > "$out"
    return 0
  fi
  bash "$HERE/registry.sh" start "$work/registry" || return 1
  cat "$work/registry/registry.properties" > "$out"
}

teardown() {
  local out="$1" work
  work="$(dirname "$out")"
  bash "$HERE/registry.sh" stop "$work/registry"
}

case "$MODE" in
  setup) setup "${2:?}" "${3:?}" ;;
  teardown) teardown "${2:?}" ;;
  *) echo "usage: $0 setup DOCKER_ITS.properties OUT.properties | teardown OUT.properties" >&2; exit 2 ;;
esac
