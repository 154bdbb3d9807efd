# shellcheck shell=bash
# The one shell library of Dockyard's scripts (it/, bench/, examples/, .ci/): logging, package installs, bounded
# waits, process and port handling, network bridges. Sourced, never run:
#
#   SAY_PREFIX=registry                       # the [prefix] of this script's lines (default: the script's name)
#   # shellcheck source=it/lib.sh
#   . "$(dirname "$0")/lib.sh"
#
# Nothing here starts or stops anything by itself; every server a script starts listens on 127.0.0.1 and is stopped
# by the pid it recorded.

# shellcheck disable=SC2034 # read by the scripts that source this file
DOCKYARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${SAY_PREFIX:=$(basename "$0" .sh)}"

# the user of the suite's registries (registry.sh), also in it/src/it/settings.xml (plain, and encrypted with
# src/it/settings-security.xml): test data
# shellcheck disable=SC2034 # read by the scripts that source this file
DOCKYARD_IT_REGISTRY_USER="dockyard-it"
# shellcheck disable=SC2034 # read by the scripts that source this file
DOCKYARD_IT_REGISTRY_PASSWORD="it-registry-secret-4711"

# one line on stderr, tagged with the script's prefix
say() { echo "[$SAY_PREFIX] $*" >&2; }

# says why and exits with status 1
die() { say "ERROR: $*"; exit 1; }

# on any failing command of a `set -e` script: which line and command failed
trace_failures() {
  trap 'say "failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR
}

# installs Debian packages (CI machines start bare); runs apt-get update once per script
apt_install() {
  say "installing $*"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${DOCKYARD_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >&2 || return 1
    DOCKYARD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# installs the package ($2, default: the command's name) that provides command $1 when it is missing
need_command() {
  command -v "$1" >/dev/null 2>&1 || apt_install "${2:-$1}"
}

# wait_until SECONDS COMMAND [ARG...]: runs COMMAND once a second until it succeeds; fails after SECONDS
wait_until() {
  local seconds="$1" waited=0
  shift
  until "$@"; do
    [ "$waited" -ge "$seconds" ] && return 1
    sleep 1
    waited=$((waited + 1))
  done
}

# whether a TCP port on 127.0.0.1 accepts connections
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# prints a TCP port on 127.0.0.1 nothing listens on
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! port_open "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# stop_pid FILE [SECONDS]: stops the process whose pid FILE holds (TERM, then KILL after SECONDS, default 10) and
# removes FILE; a missing file or a process already gone is fine
stop_pid() {
  local file="$1" seconds="${2:-10}" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    if ! wait_until "$seconds" eval "! kill -0 $pid 2>/dev/null"; then
      say "pid $pid did not stop within ${seconds}s: killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

# A bridge of its own for a second dockerd (start it with --bridge NAME --iptables=false --ip-masq=false; never
# --bridge none, which makes dockerd delete the host's docker0): name ($1, default dyit) plus a random number, a
# /24 not used on this host; prints the name and records it in $STATE/bridge, for the caller to delete.
make_bridge() {
  local name subnet prefix="${1:-dyit}"
  for _ in $(seq 1 20); do
    name="$prefix$((RANDOM % 100000))"
    subnet="10.$((200 + RANDOM % 50)).$((RANDOM % 250)).1"
    ip link show "$name" >/dev/null 2>&1 && continue
    ip -4 addr | grep -q "inet ${subnet%.1}\." && continue
    ip link add "$name" type bridge || return 1
    echo "$name" > "$STATE/bridge"
    ip addr add "$subnet/24" dev "$name" && ip link set "$name" up || return 1
    echo "$name"
    return 0
  done
  return 1
}
