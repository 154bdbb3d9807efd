#!/usr/bin/env bash
# Ensures a Docker engine for the integration tests.
#
#   it/engine.sh start        use the engine DOCKER_HOST (or the default socket) points at when it answers;
#                             otherwise start a private dockerd (installing Debian's docker.io if dockerd is
#                             missing) and print the DOCKER_HOST to use
#   it/engine.sh check        print the DOCKER_HOST of an engine that answers (DOCKER_HOST, the private socket, the
#                             default socket, in that order); exit 1 when none does. Starts nothing.
#   it/engine.sh stop         stop the private dockerd, if this script started it (by its pid file)
#   it/engine.sh run CMD...   start, run CMD with DOCKER_HOST exported, stop what was started, exit with CMD's status
#
# The private daemon keeps everything under DOCKYARD_DOCKER_DIR (default /tmp/dockyard-docker).
set -uo pipefail

DIR="${DOCKYARD_DOCKER_DIR:-/tmp/dockyard-docker}"
SOCK="$DIR/docker.sock"
PIDFILE="$DIR/docker.pid"
OWNED="$DIR/started-by-engine-sh"
LOG="$DIR/dockerd.log"
WAIT_SECONDS="${DOCKYARD_DOCKER_WAIT:-60}"

SAY_PREFIX=engine
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"

answers() {
  # docker version exits non-zero when the server part cannot be reached
  if command -v docker >/dev/null 2>&1; then
    timeout 10 docker ${1:+--host "$1"} version --format '{{.Server.Version}}' >/dev/null 2>&1
  else
    # no CLI: ask the API directly over the socket
    local sock="${1#unix://}"
    [ -S "$sock" ] && timeout 10 curl -fsS --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1
  fi
}

ensure_dockerd() {
  command -v dockerd >/dev/null 2>&1 && return 0
  [ -x /usr/sbin/dockerd ] && { PATH="$PATH:/usr/sbin"; return 0; }
  say "dockerd not found: installing Debian's docker.io"
  apt_install docker.io || return 1
  PATH="$PATH:/usr/sbin"
  command -v dockerd >/dev/null 2>&1
}

start_daemon() {
  local driver="$1"
  mkdir -p "$DIR/data" "$DIR/exec"
  rm -f "$SOCK"
  say "starting dockerd (storage driver $driver), socket $SOCK, log $LOG"
  # setsid: the daemon outlives this script and is not hit by a Ctrl-C meant for the build
  setsid dockerd \
    --host "unix://$SOCK" \
    --data-root "$DIR/data" \
    --exec-root "$DIR/exec" \
    --pidfile "$PIDFILE" \
    --storage-driver "$driver" \
    >>"$LOG" 2>&1 < /dev/null &
  local pid=$!
  local waited=0
  while [ "$waited" -lt "$WAIT_SECONDS" ]; do
    if answers "unix://$SOCK"; then
      echo "$pid" > "$OWNED"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      say "dockerd exited while starting (driver $driver); last log lines:"
      tail -n 5 "$LOG" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "dockerd did not answer on $SOCK within ${WAIT_SECONDS}s; stopping it"
  kill "$pid" 2>/dev/null
  return 1
}

cmd_check() {
  local host
  if [ -n "${DOCKER_HOST:-}" ]; then
    # an explicit DOCKER_HOST that does not answer is not silently replaced by another engine
    answers "$DOCKER_HOST" && echo "$DOCKER_HOST"
    return
  fi
  for host in "unix://$SOCK" "unix:///var/run/docker.sock"; do
    if answers "$host"; then
      echo "$host"
      return 0
    fi
  done
  return 1
}

cmd_start() {
  local host
  if host="$(cmd_check)"; then
    say "using the engine at $host"
    echo "$host"
    return 0
  fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    say "DOCKER_HOST=$DOCKER_HOST does not answer: starting a private engine instead"
    unset DOCKER_HOST
    if host="$(cmd_check)"; then
      say "using the engine at $host"
      echo "$host"
      return 0
    fi
  fi
  ensure_dockerd || { say "cannot install dockerd"; return 1; }
  # a pid file left by a daemon that died would make the new one refuse to start
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    rm -f "$PIDFILE"
  fi
  if start_daemon overlay2 || start_daemon vfs; then
    echo "unix://$SOCK"
    return 0
  fi
  say "no Docker engine could be started; see $LOG"
  return 1
}

cmd_stop() {
  [ -f "$OWNED" ] || { say "no engine started by this script is running"; return 0; }
  say "stopping dockerd (pid $(cat "$OWNED"))"
  stop_pid "$OWNED" 30
}

cmd_run() {
  local was_running=false host status
  [ -f "$OWNED" ] && kill -0 "$(cat "$OWNED")" 2>/dev/null && was_running=true
  host="$(cmd_start)" || return 1
  export DOCKER_HOST="$host"
  "$@"
  status=$?
  # stop only a daemon this invocation started
  if [ "$was_running" = false ] && [ -f "$OWNED" ]; then
    cmd_stop
  fi
  return "$status"
}

case "${1:-}" in
  start) cmd_start ;;
  check) cmd_check ;;
  stop) cmd_stop ;;
  run) shift; [ "$#" -gt 0 ] || { say "usage: $0 run COMMAND [ARG...]"; exit 2; }; cmd_run "$@" ;;
  *) echo "usage: $0 start | check | stop | run COMMAND [ARG...]" >&2; exit 2 ;;
esac
