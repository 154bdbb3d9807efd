#!/usr/bin/env bash
# Builds faithful stand-ins of the plugin's real default base images, tagged with their upstream names, so that the
# defaults run with image.pull=never where no registry can be reached:
#
#   debian:bookworm-slim             Debian's own `debootstrap --variant=minbase bookworm` root filesystem minus docs
#                                    (copyright files kept), man pages, info, locales and apt lists, with the
#                                    official slim image's dpkg path excludes; CMD bash
#   eclipse-temurin:17-jdk           that root filesystem plus binutils (installed with apt, as the real image does:
#                                    jlink's --strip-debug runs objcopy) and Debian's OpenJDK 17 JDK (jmods included)
#                                    at /opt/java/openjdk, with JAVA_HOME, PATH, LANG and JAVA_VERSION as the real
#                                    image sets them
#   eclipse-temurin:25-jdk           the same with the Temurin 25 JDK (only where one is installed, see TEMURIN_25)
#   eclipse-temurin:17-jre           the slim root filesystem plus a full Java 17 runtime at /opt/java/openjdk:
#                                    Debian's JDK without jmods, headers, sources and the development tools in bin/
#   dockyard-test/jdk-no-objcopy:17  eclipse-temurin:17-jdk without binutils: a JDK image whose jlink cannot strip
#                                    native debug symbols
#
# Idempotent: an image whose dev.dockyard.test.input-hash label matches the inputs is kept as it is. The
# debootstrap result is cached as a tar between runs in DOCKYARD_IT_CACHE (default /var/cache/dockyard-it), never
# in the work tree; delete it to bootstrap again.
# Usage: it/upstream-bases.sh [WORK_DIR]   (WORK_DIR defaults to it/target/upstream-bases)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${1:-$HERE/target/upstream-bases}"
CACHE="${DOCKYARD_IT_CACHE:-/var/cache/dockyard-it}"
TEMURIN_25="${DOCKYARD_TEMURIN_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
NO_OBJCOPY_IMAGE="${DOCKYARD_NO_OBJCOPY_IMAGE:-dockyard-test/jdk-no-objcopy:17}"
HASH_LABEL="dev.dockyard.test.input-hash"

# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=it/rootfs.sh
. "$(dirname "$0")/rootfs.sh"
trace_failures

find_jdk17() {
  local candidate
  for candidate in "${DOCKYARD_BASE_JDK:-}" "/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)" "${JAVA_HOME:-}"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && grep -q '^JAVA_VERSION="17' "$candidate/release"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

current_hash() {
  docker image inspect --format "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true
}

# $1: image, $2: input hash, $3: root filesystem tar, $4: JDK directory or empty; then --change arguments
import_image() {
  local image="$1" hash="$2" tar="$3" jdk="$4" previous root
  shift 4
  if [ "$(current_hash "$image")" = "$hash" ]; then
    say "$image is up to date ($HASH_LABEL=$hash)"
    return 0
  fi
  previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
  root="$WORK/rootfs"
  rm -rf "$root"
  mkdir -p "$root"
  tar -C "$root" -xf "$tar"
  if [ -n "$jdk" ]; then
    mkdir -p "$root/opt/java/openjdk"
    # dereference: Debian's JDK links its conf and cacerts into /etc; skip links that point nowhere (src.zip)
    tar -C "$jdk" --dereference --exclude=./lib/src.zip -cf - . | tar -C "$root/opt/java/openjdk" -xf -
  fi
  tar --numeric-owner --sort=name -C "$root" -cf "$WORK/rootfs.tar" .
  rm -rf "$root"
  docker import "$@" --change "LABEL $HASH_LABEL=$hash" --message "dockyard stand-in of $image" \
    "$WORK/rootfs.tar" "$image" >/dev/null
  rm -f "$WORK/rootfs.tar"
  # the replaced image would be left dangling
  [ -z "$previous" ] || [ "$previous" = "$(docker image inspect --format '{{.Id}}' "$image")" ] \
    || docker image rm "$previous" >/dev/null 2>&1 || true
  say "built $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.1f MB", $1 / 1000000 }'))"
}

# $1: JDK directory. The --change arguments of the real eclipse-temurin JDK images
jdk_changes() {
  local version
  version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$1/release")"
  printf '%s\n' --change "ENV JAVA_HOME=/opt/java/openjdk" \
    --change "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8" \
    --change "ENV JAVA_VERSION=jdk-${version%-LTS}" \
    --change 'CMD ["jshell"]'
}

mkdir -p "$CACHE/build" "$WORK"
SLIM_TAR="$CACHE/$ROOTFS_SUITE-minbase-slim.tar"
BINUTILS_TAR="$CACHE/$ROOTFS_SUITE-minbase-slim-binutils.tar"
[ -s "$SLIM_TAR" ] || rootfs_bootstrap "$SLIM_TAR"
[ -s "$BINUTILS_TAR" ] || rootfs_with_binutils "$BINUTILS_TAR" "$SLIM_TAR"

JDK17="$(find_jdk17 || true)"
if [ -z "$JDK17" ]; then
  apt_install openjdk-17-jdk-headless
  JDK17="$(find_jdk17)"
fi
[ -d "$JDK17/jmods" ] || apt_install openjdk-17-jmods

export DOCKER_BUILDKIT=0
SCRIPT_HASH="$(sha256sum "$0" | cut -c1-16)"
SLIM_HASH="$(sha256sum "$SLIM_TAR" | cut -c1-16)"
BINUTILS_HASH="$(sha256sum "$BINUTILS_TAR" | cut -c1-16)"
hash_of() { printf '%s\n' "$SCRIPT_HASH" "$@" | sha256sum | cut -c1-16; }

import_image debian:bookworm-slim "$(hash_of "$SLIM_HASH")" "$SLIM_TAR" "" --change 'CMD ["bash"]'
mapfile -t changes < <(jdk_changes "$JDK17")
import_image eclipse-temurin:17-jdk "$(hash_of "$BINUTILS_HASH" "$(cat "$JDK17/release")")" "$BINUTILS_TAR" "$JDK17" \
  "${changes[@]}"
# a JRE: the JDK without its development tools, jmods, headers and sources
JRE17="$WORK/jre-17"
rm -rf "$JRE17"
mkdir -p "$JRE17/bin"
tar -C "$JDK17" --dereference --exclude=./lib/src.zip --exclude=./jmods --exclude=./include --exclude=./bin \
  --exclude=./man --exclude=./demo -cf - . | tar -C "$JRE17" -xf -
for tool in java keytool rmiregistry jfr; do [ ! -e "$JDK17/bin/$tool" ] || cp -L "$JDK17/bin/$tool" "$JRE17/bin/"; done
import_image eclipse-temurin:17-jre "$(hash_of "$SLIM_HASH" "$(cat "$JDK17/release")")" "$SLIM_TAR" "$JRE17" \
  "${changes[@]/CMD \[\"jshell\"\]/CMD [\"java\", \"-version\"]}"
rm -rf "$JRE17"
import_image "$NO_OBJCOPY_IMAGE" "$(hash_of "$SLIM_HASH" "$(cat "$JDK17/release")")" "$SLIM_TAR" "$JDK17" "${changes[@]}"
if [ -x "$TEMURIN_25/bin/jlink" ]; then
  mapfile -t changes < <(jdk_changes "$TEMURIN_25")
  import_image eclipse-temurin:25-jdk "$(hash_of "$BINUTILS_HASH" "$(cat "$TEMURIN_25/release")")" "$BINUTILS_TAR" \
    "$TEMURIN_25" "${changes[@]}"
else
  say "no Temurin 25 JDK at $TEMURIN_25: eclipse-temurin:25-jdk is not built (set DOCKYARD_TEMURIN_25)"
fi
