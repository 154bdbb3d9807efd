# Shared by registry.sh and remote-engine.sh (sourced; set SAY_PREFIX first).

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
