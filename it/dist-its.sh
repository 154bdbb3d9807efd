#!/usr/bin/env bash
# The servers the distribution cases (docker-push-*, docker-remote-*) use, run by it/pom.xml around the invoker:
#
#   it/dist-its.sh setup DOCKER_ITS.properties OUT.properties   before: when the Docker cases run, starts the
#                                                               registry (registry.sh), a second one over TLS from a
#                                                               private CA (registry.sh start-tls) and the TLS-only
#                                                               second engine (remote-engine.sh), writes their
#                                                               addresses; when arm64 runs here (docker.it.arm64),
#                                                               serves both platforms of the default bases from the
#                                                               first registry (platforms.sh serve)
#   it/dist-its.sh teardown OUT.properties                      after: stops what setup started
#
# DOCKYARD_REMOTE_IMAGES: the images loaded into the second engine (it cannot pull), default the JRE stand-in base
# and the JDK and base stand-ins the two-engine reproducibility case builds on.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?usage: $0 setup DOCKER_ITS.properties OUT.properties | teardown OUT.properties}"
REMOTE_IMAGES="${DOCKYARD_REMOTE_IMAGES:-dockyard-test/jre:17 dockyard-test/jdk:17 dockyard-test/base:17}"
# shellcheck source=it/lib.sh
. "$HERE/lib.sh"

setup() {
  local docker="$1" out="$2" work host
  work="$(dirname "$out")"
  mkdir -p "$work"
  if ! grep -q '^docker.it.enabled=true$' "$docker" 2>/dev/null; then
    printf 'docker.it.registry=none\ndocker.it.remote.host=none\ndocker.it.remote.certs=none\ndocker.it.remote.wrongCa=none\ndocker.it.registryTls=none\ndocker.it.registryCa=none\n' > "$out"
    return 0
  fi
  host="$(sed -n 's/^docker.it.host=//p' "$docker")"
  bash "$HERE/registry.sh" start "$work/registry" || return 1
  if grep -q '^docker.it.arm64=true$' "$docker"; then
    DOCKER_HOST="$host" bash "$HERE/platforms.sh" serve \
      "$(sed -n 's/^docker.it.registry=//p' "$work/registry/registry.properties")" "$work/platforms" || {
      bash "$HERE/registry.sh" stop "$work/registry"
      return 1
    }
  fi
  bash "$HERE/registry.sh" start-tls "$work/registry-tls" || {
    bash "$HERE/registry.sh" stop "$work/registry"
    return 1
  }
  # shellcheck disable=SC2086
  DOCKER_HOST="$host" bash "$HERE/remote-engine.sh" start "$work/remote-engine" $REMOTE_IMAGES || {
    bash "$HERE/registry.sh" stop "$work/registry"
    bash "$HERE/registry.sh" stop "$work/registry-tls"
    return 1
  }
  cat "$work/registry/registry.properties" "$work/registry-tls/registry.properties" "$work/remote-engine/remote-engine.properties" > "$out"
}

teardown() {
  local out="$1" work status=0
  work="$(dirname "$out")"
  bash "$HERE/registry.sh" stop "$work/registry" || status=1
  bash "$HERE/registry.sh" stop "$work/registry-tls" || status=1
  bash "$HERE/remote-engine.sh" stop "$work/remote-engine" || status=1
  return $status
}

case "$MODE" in
  setup) setup "${2:?}" "${3:?}" ;;
  teardown) teardown "${2:?}" ;;
  *) say "usage: $0 setup DOCKER_ITS.properties OUT.properties | teardown OUT.properties"; exit 2 ;;
esac
