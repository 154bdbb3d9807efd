#!/usr/bin/env bash
# A private, authenticated registry for the push integration tests: Debian's docker-registry (installed with apt
# when missing) on 127.0.0.1 at a free port, htpasswd (bcrypt) authentication, storage under WORK_DIR.
#
#   it/registry.sh start WORK_DIR    start it; writes WORK_DIR/registry.properties (docker.it.registry=127.0.0.1:PORT)
#   it/registry.sh start-tls WORK_DIR  the same over TLS only, its certificate (for IP 127.0.0.1) signed by a private
#                                    CA made here with openssl; writes docker.it.registryTls=127.0.0.1:PORT and
#                                    docker.it.registryCa=WORK_DIR/ca/ca.pem
#   it/registry.sh stop WORK_DIR     stop the registry this script started (by its pid file)
#
# The users are those of src/it/settings.xml: dockyard-it with the password of the servers it-registry and
# it-registry-encrypted. The engine treats registries on 127.0.0.0/8 as insecure (plain HTTP) by default.
set -uo pipefail

MODE="${1:?usage: $0 start|start-tls|stop WORK_DIR}"
WORK="${2:?usage: $0 start|start-tls|stop WORK_DIR}"
PIDFILE="$WORK/registry.pid"
LOG="$WORK/registry.log"
WAIT_SECONDS=30

# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"
USER_NAME="$DOCKYARD_IT_REGISTRY_USER"
PASSWORD="$DOCKYARD_IT_REGISTRY_PASSWORD"

# TLS: a private CA and the server's certificate for 127.0.0.1, in WORK/ca
certificates() {
  local ca="$WORK/ca" ext
  rm -rf "$ca"
  mkdir -p "$ca"
  ext="$ca/server.ext"
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$ext"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=dockyard-it registry CA" \
    -keyout "$ca/ca-key.pem" -out "$ca/ca.pem" 2>/dev/null &&
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$ca/key.pem" -out "$ca/server.csr" 2>/dev/null &&
    openssl x509 -req -in "$ca/server.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial -days 2 \
      -extfile "$ext" -out "$ca/cert.pem" 2>/dev/null &&
    chmod 0600 "$ca/key.pem" "$ca/ca-key.pem"
}

start() {
  local tls="${1:-}"
  need_command docker-registry || return 1
  need_command htpasswd apache2-utils || return 1
  need_command curl || return 1
  stop_registry
  rm -rf "$WORK/data"
  mkdir -p "$WORK/data"
  printf '%s\n' "$PASSWORD" | htpasswd -B -i -c "$WORK/htpasswd" "$USER_NAME" 2>/dev/null || return 1
  local port
  port="$(free_port)" || { say "no free port found"; return 1; }
  if [ -n "$tls" ]; then
    need_command openssl || return 1
    certificates || { say "could not make the TLS certificates with openssl"; return 1; }
  fi
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
$(if [ -n "$tls" ]; then printf '  tls:\n    certificate: %s\n    key: %s\n' "$WORK/ca/cert.pem" "$WORK/ca/key.pem"; fi)
auth:
  htpasswd:
    realm: dockyard-it
    path: $WORK/htpasswd
YAML
  # a fresh log with the fresh storage: the cases count the uploads in it
  setsid docker-registry serve "$WORK/config.yml" >"$LOG" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$PIDFILE"
  local waited=0 status
  while [ "$waited" -lt "$WAIT_SECONDS" ]; do
    # an authenticated registry answers 401 to an anonymous /v2/
    if [ -n "$tls" ]; then
      status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --cacert "$WORK/ca/ca.pem" "https://127.0.0.1:$port/v2/" || true)"
    else
      status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/v2/" || true)"
    fi
    if [ "$status" = 401 ]; then
      if [ -n "$tls" ]; then
        printf 'docker.it.registryTls=127.0.0.1:%s\ndocker.it.registryCa=%s\n' "$port" "$WORK/ca/ca.pem" > "$WORK/registry.properties"
      else
        printf 'docker.it.registry=127.0.0.1:%s\n' "$port" > "$WORK/registry.properties"
      fi
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
  start-tls) mkdir -p "$WORK"; start tls ;;
  stop) stop_registry ;;
  *) echo "usage: $0 start|start-tls|stop WORK_DIR" >&2; exit 2 ;;
esac
