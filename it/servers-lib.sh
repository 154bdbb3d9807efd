# Shared by registry.sh, remote-engine.sh and bench/peers/run.sh (sourced; set SAY_PREFIX first).

say() { echo "[$SAY_PREFIX] $*" >&2; }

# installs Debian packages (CI machines start bare)
apt_install() {
  say "installing $*"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# prints a TCP port on 127.0.0.1 nothing listens on
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
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
