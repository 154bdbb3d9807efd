#!/usr/bin/env bash
# A second, private Docker engine for the remote-engine cases, reachable only at tcp://127.0.0.1:PORT with mutual
# TLS (certificates made here with openssl). It has its own data and exec roots, pid file and bridge interface
# (created with ip link, --iptables=false --ip-masq=false), so it cannot disturb the main engine.
#
#   it/remote-engine.sh start WORK_DIR [IMAGE...]   start it, load IMAGE... from the main engine (DOCKER_HOST) into
#                                                   it (it cannot pull), write WORK_DIR/remote-engine.properties:
#                                                   docker.it.remote.host, docker.it.remote.certs (client
#                                                   certificates) and docker.it.remote.wrongCa (the same client
#                                                   certificate with another CA's ca.pem)
#   it/remote-engine.sh stop WORK_DIR               stop the daemon and remove the bridge this script created
set -uo pipefail

MODE="${1:?usage: $0 start|stop WORK_DIR [IMAGE...]}"
WORK="${2:?usage: $0 start|stop WORK_DIR [IMAGE...]}"
shift 2
STATE="$WORK/state"
WAIT_SECONDS=60

SAY_PREFIX=remote-engine
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"

# $1 directory, $2 CA name: a CA key and certificate
make_ca() {
  mkdir -p "$1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$2" \
    -keyout "$1/ca-key.pem" -out "$1/ca.pem" 2>/dev/null
}

# $1 CA dir, $2 out key, $3 out cert, $4 CN, $5 extensions
sign() {
  local ext
  ext="$(mktemp)"
  printf '%s\n' "$5" > "$ext"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$4" -keyout "$2" -out "$2.csr" 2>/dev/null &&
    openssl x509 -req -in "$2.csr" -CA "$1/ca.pem" -CAkey "$1/ca-key.pem" -CAcreateserial -days 2 \
      -extfile "$ext" -out "$3" 2>/dev/null
  local status=$?
  rm -f "$ext" "$2.csr"
  return $status
}

certificates() {
  local ca="$WORK/ca" server="$WORK/server" client="$WORK/client" wrong="$WORK/wrong-ca"
  rm -rf "$ca" "$server" "$client" "$wrong" "$WORK/other-ca"
  mkdir -p "$server" "$client" "$wrong"
  make_ca "$ca" "dockyard-it remote engine CA" &&
    sign "$ca" "$server/key.pem" "$server/cert.pem" "127.0.0.1" \
      "subjectAltName=IP:127.0.0.1
extendedKeyUsage=serverAuth" &&
    sign "$ca" "$client/key.pem" "$client/cert.pem" "dockyard-it client" "extendedKeyUsage=clientAuth" &&
    cp "$ca/ca.pem" "$client/ca.pem" &&
    make_ca "$WORK/other-ca" "dockyard-it unrelated CA" &&
    cp "$WORK/other-ca/ca.pem" "$wrong/ca.pem" && cp "$client/cert.pem" "$client/key.pem" "$wrong/" &&
    chmod 0600 "$client/key.pem" "$wrong/key.pem" "$server/key.pem"
}

remote() {
  docker --host "tcp://127.0.0.1:$(cat "$STATE/port")" --tlsverify --tlscacert "$WORK/client/ca.pem" \
    --tlscert "$WORK/client/cert.pem" --tlskey "$WORK/client/key.pem" "$@"
}

start() {
  need_command openssl || return 1
  need_command ip iproute2 || return 1
  command -v dockerd >/dev/null 2>&1 || [ -x /usr/sbin/dockerd ] || apt_install docker.io || return 1
  PATH="$PATH:/usr/sbin"
  stop
  mkdir -p "$STATE" "$WORK/data"
  certificates || { say "could not make the certificates"; return 1; }
  local bridge port exec_root
  bridge="$(make_bridge dyit)" || { say "could not create a bridge interface"; return 1; }
  port="$(free_port)" || { say "no free port found"; return 1; }
  echo "$port" > "$STATE/port"
  # the exec root holds containerd's socket: its path must stay short
  exec_root="$(mktemp -d /tmp/dyit-exec.XXXXXX)"
  echo "$exec_root" > "$STATE/exec-root"
  say "starting dockerd at tcp://127.0.0.1:$port (mutual TLS), bridge $bridge, data $WORK/data"
  setsid dockerd \
    --host "tcp://127.0.0.1:$port" \
    --tlsverify --tlscacert "$WORK/ca/ca.pem" --tlscert "$WORK/server/cert.pem" --tlskey "$WORK/server/key.pem" \
    --data-root "$WORK/data" --exec-root "$exec_root" --pidfile "$WORK/docker.pid" \
    --bridge "$bridge" --iptables=false --ip-masq=false \
    --containerd-namespace dockyard-it --containerd-plugins-namespace dockyard-it-plugins \
    >>"$WORK/dockerd.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$STATE/pid"
  local waited=0
  until remote version --format '{{.Server.Version}}' >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "dockerd exited while starting; last log lines:"
      tail -n 5 "$WORK/dockerd.log" >&2
      stop
      return 1
    fi
    waited=$((waited + 1))
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      say "dockerd did not answer within ${WAIT_SECONDS}s; stopping it"
      stop
      return 1
    fi
    sleep 1
  done
  if [ "$#" -gt 0 ]; then
    say "loading $* from the main engine"
    docker save "$@" | remote load >/dev/null || { say "could not load $*"; stop; return 1; }
  fi
  printf 'docker.it.remote.host=tcp://127.0.0.1:%s\ndocker.it.remote.certs=%s\ndocker.it.remote.wrongCa=%s\n' \
    "$port" "$WORK/client" "$WORK/wrong-ca" > "$WORK/remote-engine.properties"
  say "remote engine at tcp://127.0.0.1:$port (pid $pid)"
}

stop() {
  PATH="$PATH:/usr/sbin"
  if [ -f "$STATE/pid" ]; then
    say "stopping dockerd (pid $(cat "$STATE/pid"))"
    stop_pid "$STATE/pid" 30
  fi
  if [ -f "$STATE/bridge" ]; then
    ip link delete "$(cat "$STATE/bridge")" 2>/dev/null && say "removed bridge $(cat "$STATE/bridge")"
    rm -f "$STATE/bridge"
  fi
  rm -rf "$WORK/data"
  if [ -f "$STATE/exec-root" ]; then
    rm -rf "$(cat "$STATE/exec-root")"
    rm -f "$STATE/exec-root"
  fi
  return 0
}

case "$MODE" in
  start) mkdir -p "$WORK"; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop WORK_DIR [IMAGE...]" >&2; exit 2 ;;
esac
