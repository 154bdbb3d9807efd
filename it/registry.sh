#!/usr/bin/env bash
# A private, authenticated registry for the push integration tests: Debian's docker-registry (installed with apt
# when missing) on 127.0.0.1 at a free port, htpasswd (bcrypt) authentication, storage under WORK_DIR.
#
#   it/registry.sh start WORK_DIR    start it; writes WORK_DIR/registry.properties (docker.it.registry=127.0.0.1:PORT)
#   it/registry.sh stop WORK_DIR     stop the registry this script started (by its pid file)
#
# The users are those of src/it/settings.xml: dockyard-it with the password of the servers it-registry and
# it-registry-encrypted. The engine treats registries on 127.0.0.0/8 as insecure (plain HTTP) by default.
set -uo pipefail

MODE="${1:?usage: $0 start|stop WORK_DIR}"
WORK="${2:?usage: $0 start|stop WORK_DIR}"
PIDFILE="$WORK/registry.pid"
LOG="$WORK/registry.log"
USER_NAME="dockyard-it"
# test data, also in src/it/settings.xml (plain, and encrypted with src/it/settings-security.xml)
PASSWORD="it-registry-secret-4711"
WAIT_SECONDS=30

SAY_PREFIX=registry
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"

start() {
  need_command docker-registry || return 1
  need_command htpasswd apache2-utils || return 1
  need_command curl || return 1
  stop_registry
  rm -rf "$WORK/data"
  mkdir -p "$WORK/data"
  printf '%s\n' "$PASSWORD" | htpasswd -B -i -c "$WORK/htpasswd" "$USER_NAME" 2>/dev/null || return 1
  local port
  port="$(free_port)" || { say "no free port found"; return 1; }
  cat > "$WORK/config.yml" <<YAML
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $WORK/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
auth:
  htpasswd:
    realm: dockyard-it
    path: $WORK/htpasswd
YAML
  setsid docker-registry serve "$WORK/config.yml" >>"$LOG" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$PIDFILE"
  local waited=0 status
  while [ "$waited" -lt "$WAIT_SECONDS" ]; do
    # an authenticated registry answers 401 to an anonymous /v2/
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/v2/" || true)"
    if [ "$status" = 401 ]; then
      printf 'docker.it.registry=127.0.0.1:%s\n' "$port" > "$WORK/registry.properties"
      say "registry at 127.0.0.1:$port (pid $pid, log $LOG)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      say "docker-registry exited while starting; last log lines:"
      tail -n 5 "$LOG" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "the registry did not answer on 127.0.0.1:$port within ${WAIT_SECONDS}s; stopping it"
  stop_registry
  return 1
}

stop_registry() {
  [ -f "$PIDFILE" ] || return 0
  say "stopping the registry (pid $(cat "$PIDFILE"))"
  stop_pid "$PIDFILE" 10
}

case "$MODE" in
  start) mkdir -p "$WORK"; start ;;
  stop) stop_registry ;;
  *) echo "usage: $0 start|stop WORK_DIR" >&2; exit 2 ;;
esac
