# shellcheck shell=bash
# Debian root filesystems for the stand-in base images (upstream-bases.sh for the engine's platform, platforms.sh
# for arm64): `debootstrap --variant=minbase bookworm`, slimmed the way the official debian:bookworm-slim image is,
# with a variant that has binutils installed by apt. Sourced after lib.sh, never run:
#
#   CACHE=/var/cache/dockyard-it              # where the tars are kept (and CACHE/build while they are made)
#   # shellcheck source=it/rootfs.sh
#   . "$(dirname "$0")/rootfs.sh"
#   [ -s "$CACHE/x.tar" ] || rootfs_bootstrap "$CACHE/x.tar" [ARCH]
#
# ARCH (default: the host's) other than the host's needs binfmt_misc to run that architecture's binaries (flag F):
# debootstrap's second stage and apt run in a chroot of the foreign root filesystem.

ROOTFS_SUITE=bookworm
ROOTFS_PATH_EXCLUDES='path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*'

# the host's Debian mirror (what its apt uses), else debootstrap's default
rootfs_mirror() {
  sed -n 's/^URIs: *\([^ ]*\).*/\1/p; s/^deb  *\(\[[^]]*\] *\)\{0,1\}\([^ ]*\) .*/\2/p' \
    /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | grep -v security | head -n 1 || true
}

# removes what the official slim image leaves out
rootfs_slim() {
  local root="$1"
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/groff/* "$root"/usr/share/info/* "$root"/usr/share/lintian/* \
    "$root"/usr/share/linda/* "$root"/usr/share/locale/* \
    "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old "$root"/var/log/*.log "$root"/var/log/apt/* \
    "$root"/debootstrap
  printf '%s\n' "$ROOTFS_PATH_EXCLUDES" > "$root/etc/dpkg/dpkg.cfg.d/docker"
  : > "$root/etc/hostname"
  : > "$root/etc/resolv.conf"
}

# rootfs_pack ROOT TAR: the root filesystem as TAR (written whole or not at all), ROOT removed
rootfs_pack() {
  tar --numeric-owner --sort=name -C "$1" -cf "$2.part" .
  mv "$2.part" "$2"
  rm -rf "$1"
}

# rootfs_bootstrap TAR [ARCH]: the minbase root filesystem, slimmed. A foreign ARCH is bootstrapped in one go (the
# second stage runs through binfmt_misc), else with --foreign and the second stage run in a chroot
rootfs_bootstrap() {
  local tar="$1" arch="${2:-}" root log url
  root="$CACHE/build/$ROOTFS_SUITE${arch:+-$arch}-rootfs"
  log="$CACHE/build/debootstrap${arch:+-$arch}.log"
  command -v debootstrap >/dev/null || apt_install debootstrap
  rm -rf "$root"
  mkdir -p "$root"
  url="$(rootfs_mirror)"
  say "debootstrap ${arch:+--arch=$arch }--variant=minbase $ROOTFS_SUITE ${url:-(default mirror)}: once per machine, cached in $tar"
  if ! debootstrap ${arch:+--arch="$arch"} --variant=minbase "$ROOTFS_SUITE" "$root" ${url:+"$url"} >"$log" 2>&1; then
    [ -n "$arch" ] || { tail -n 20 "$log" >&2; return 1; }
    say "debootstrap failed (see $log): again with --foreign and the second stage in a chroot"
    rm -rf "$root"
    mkdir -p "$root"
    { debootstrap --arch="$arch" --foreign --variant=minbase "$ROOTFS_SUITE" "$root" ${url:+"$url"} &&
      chroot "$root" /debootstrap/debootstrap --second-stage; } >>"$log" 2>&1 || { tail -n 20 "$log" >&2; return 1; }
  fi
  rootfs_slim "$root"
  rootfs_pack "$root" "$tar"
}

# rootfs_with_binutils TAR SLIM_TAR [ARCH]: binutils installed by apt in a chroot, lists removed again
rootfs_with_binutils() {
  local tar="$1" base="$2" arch="${3:-}" root log
  root="$CACHE/build/$ROOTFS_SUITE${arch:+-$arch}-binutils"
  log="$CACHE/build/binutils${arch:+-$arch}.log"
  rm -rf "$root"
  mkdir -p "$root"
  tar -C "$root" -xf "$base"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  say "apt-get install binutils in the $ROOTFS_SUITE ${arch:+$arch }root filesystem"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends binutils && apt-get clean' \
    >"$log" 2>&1 || { tail -n 20 "$log" >&2; return 1; }
  rootfs_slim "$root"
  rootfs_pack "$root" "$tar"
}
