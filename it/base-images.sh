#!/usr/bin/env bash
# Builds the stand-in base images the integration tests use instead of registry images (none can be pulled):
#
#   dockyard-test/base:17     FROM scratch: the C libraries a jlinked Java runtime needs (and nothing else of Java:
#                             the java-service template brings its own runtime), a static busybox as /bin/sh,
#                             /etc/passwd + /etc/group with the non-root user 65532 (nonroot), /tmp with mode 1777
#   dockyard-test/jre:17      the same with a jlinked Java runtime in /opt/java on the PATH: a JRE base for the
#                             java-service-jre template
#   dockyard-test/jdk:17      FROM scratch: the whole host JDK 17 in /opt/java (jlink and jmods included), the C
#                             libraries it needs and busybox; JAVA_HOME and PATH set
#
# Idempotent: an image whose dev.dockyard.test.input-hash label matches the inputs is kept as it is.
# Usage: it/base-images.sh [WORK_DIR]   (WORK_DIR defaults to it/target/base-images)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${1:-$HERE/target/base-images}"
RUNTIME_IMAGE="${DOCKYARD_RUNTIME_IMAGE:-dockyard-test/base:17}"
JRE_IMAGE="${DOCKYARD_JRE_IMAGE:-dockyard-test/jre:17}"
JDK_IMAGE="${DOCKYARD_JDK_IMAGE:-dockyard-test/jdk:17}"
RUNTIME_MODULES="java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.unsupported"
HASH_LABEL="dev.dockyard.test.input-hash"
# native libraries of the JDK that only desktop (AWT, sound) code loads: their X11/ALSA dependencies stay out
DESKTOP_LIBS='lib(awt|awt_xawt|awt_headless|fontmanager|javajpeg|jawt|jsound|lcms|mlib_image|splashscreen)\.so$'

# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"
trace_failures

find_jdk() {
  local candidate
  for candidate in "${DOCKYARD_BASE_JDK:-}" "/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture 2>/dev/null)" \
      "${JAVA_HOME:-}"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && grep -q '^JAVA_VERSION="17' "$candidate/release"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JDK="$(find_jdk || true)"
if [ -z "$JDK" ]; then
  apt_install openjdk-17-jdk-headless
  JDK="$(find_jdk)"
fi
[ -d "$JDK/jmods" ] || apt_install openjdk-17-jmods
[ -d "$JDK/jmods" ] || { say "$JDK has no jmods: jlink cannot run"; exit 1; }
# a static busybox (ldd refuses static executables): Debian's busybox-static
BUSYBOX=/bin/busybox
if [ ! -x "$BUSYBOX" ] || ldd "$BUSYBOX" >/dev/null 2>&1; then
  apt_install busybox-static
fi

OBJCOPY="$(command -v objcopy || true)"
if [ -z "$OBJCOPY" ]; then
  apt_install binutils
  OBJCOPY="$(command -v objcopy)"
fi

export DOCKER_BUILDKIT=0
INPUT_HASH="$( {
  cat "$0"
  # sed reads to the end: head would close the pipe early and, under pipefail, fail the script on SIGPIPE
  cat "$JDK/release"
  "$BUSYBOX" 2>&1 | sed -n 1p
  ldd --version 2>&1 | sed -n 1p
} | sha256sum | cut -c1-16)"

current_hash() {
  docker image inspect --format "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true
}

# the C libraries (and the dynamic loader) the given ELF files need
needed_libs() {
  for elf in "$@"; do ldd "$elf" 2>/dev/null || true; done \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
    | grep -v "^$JDK/" | sort -u
}

# rootfs skeleton shared by both images: libraries, busybox, users, /tmp
skeleton() {
  local root="$1"; shift
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/home/nonroot"
  chmod 1777 "$root/tmp"
  local lib
  for lib in $(needed_libs "$@"); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  # merged /usr: the loader path recorded in binaries is /lib64/..., Debian keeps the files in /usr/lib*
  cp "$BUSYBOX" "$root/bin/busybox"
  local applet
  for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnonroot:x:65532:65532:nonroot:/home/nonroot:/bin/sh\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
  chown 65532:65532 "$root/home/nonroot"
}

import_rootfs() {
  local image="$1" root="$2"
  local tarball="$root.tar" previous
  previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
  tar --sort=name --mtime=@0 --numeric-owner -C "$root" -cf "$tarball" .
  docker import \
    --change "ENV JAVA_HOME=/opt/java" \
    --change "ENV PATH=/opt/java/bin:/bin:/usr/bin:/sbin:/usr/sbin" \
    --change "LABEL $HASH_LABEL=$INPUT_HASH" \
    --change 'CMD ["/bin/sh"]' \
    --message "dockyard stand-in base image from $(basename "$JDK")" \
    "$tarball" "$image" >/dev/null
  rm -f "$tarball"
  # the replaced image would be left dangling
  [ -z "$previous" ] || docker image rm "$previous" >/dev/null 2>&1 || true
  say "built $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.1f MB", $1 / 1000000 }'))"
}

# $1: image, $2: keep the jlinked runtime in /opt/java (true) or only the libraries it needs (false)
build_runtime() {
  local image="${1:-$RUNTIME_IMAGE}" keep_java="${2:-false}"
  local root="$WORK/runtime-rootfs"
  rm -rf "$root"
  mkdir -p "$root/opt"
  "$JDK/bin/jlink" --add-modules "$RUNTIME_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$root/opt/java"
  local libraries
  mapfile -t libraries < <(find "$root/opt/java/lib" -name '*.so' | grep -Ev "$DESKTOP_LIBS")
  skeleton "$root" "$root/opt/java/bin/"* "${libraries[@]}"
  [ "$keep_java" = true ] || rm -rf "$root/opt/java"
  import_rootfs "$image" "$root"
  rm -rf "$root"
}

build_jre() {
  build_runtime "$JRE_IMAGE" true
}

build_jdk() {
  local root="$WORK/jdk-rootfs"
  rm -rf "$root"
  mkdir -p "$root/opt/java"
  # dereference: Debian's JDK links its conf and cacerts into /etc; skip links that point nowhere (src.zip)
  tar -C "$JDK" --dereference --exclude=./lib/src.zip -cf - . | tar -C "$root/opt/java" -xf -
  # Debian's jlink strips native debug symbols with objcopy (binutils)
  mkdir -p "$root/usr/bin"
  cp -L "$OBJCOPY" "$root/usr/bin/objcopy"
  local libraries
  mapfile -t libraries < <(find "$root/opt/java/lib" -name '*.so' | grep -Ev "$DESKTOP_LIBS")
  skeleton "$root" "$OBJCOPY" "$root/opt/java/bin/"* "${libraries[@]}"
  import_rootfs "$JDK_IMAGE" "$root"
  rm -rf "$root"
}

mkdir -p "$WORK"
pairs=("$RUNTIME_IMAGE:build_runtime" "$JRE_IMAGE:build_jre" "$JDK_IMAGE:build_jdk")
for pair in "${pairs[@]}"; do
  image="${pair%:*}"; builder="${pair##*:}"
  if [ "$(current_hash "$image")" = "$INPUT_HASH" ]; then
    say "$image is up to date ($HASH_LABEL=$INPUT_HASH)"
  else
    "$builder"
  fi
done
