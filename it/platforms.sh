#!/usr/bin/env bash
# linux/arm64 next to the engine's own linux/amd64 for the multi-platform cases: qemu registered with the kernel,
# arm64 stand-ins of the plugin's default bases, both platforms of each served from the suite's registry as an index.
#
#   it/platforms.sh register         makes arm64 binaries runnable here: installs qemu-user-static and binfmt-support
#                                    (apt) when missing, and binutils-aarch64-linux-gnu (the arm64 runtime linked
#                                    here is stripped with its objcopy); mounts binfmt_misc where it is not,
#                                    registers qemu-aarch64 with flag F (update-binfmts), then proves it: Debian's
#                                    arm64 busybox-static runs, and so does `uname -m` in an arm64 container (image
#                                    dockyard-test/arm64-probe)
#   it/platforms.sh bases [WORK_DIR] arm64 stand-ins of debian:bookworm-slim and eclipse-temurin:17-jdk, faithful like
#                                    upstream-bases.sh's: `debootstrap --arch=arm64 --variant=minbase bookworm`
#                                    slimmed the same way (rootfs.sh), binutils installed by apt under qemu, and
#                                    Debian's arm64 OpenJDK 17 (jmods included) of exactly the version of the engine's
#                                    amd64 stand-in at /opt/java/openjdk, with the same configuration; each an OCI
#                                    image layout in WORK_DIR/arm64 (default it/target/platforms)
#   it/platforms.sh serve REGISTRY [WORK_DIR]
#                                    pushes each default base under its upstream name to the suite's registry
#                                    (127.0.0.1:PORT, plain HTTP, registry.sh's user): library/debian:bookworm-slim
#                                    and library/eclipse-temurin:17-jdk, each an OCI image index of the engine's amd64
#                                    stand-in and the arm64 one; checks that the registry answers with both platforms
#
# Exit status 3, with one line on stdout saying why: arm64 cannot be had on this machine (no binfmt_misc, no qemu,
# no arm64 JDK of the amd64 stand-in's version); callers report the arm64 cases as skipped with that reason. Any
# other failure: status 1.
# Idempotent: the root filesystems and the JDK are cached in DOCKYARD_IT_CACHE (default /var/cache/dockyard-it), an
# OCI layout is made again only when the hash of its inputs changed. DOCKYARD_AMD64_STANDINS (default empty) is put
# before the upstream names to find the amd64 stand-ins in the engine, to try these scripts with other ones.
set -euo pipefail
# the functions whose output is captured fail there too (skip's status 3 included)
shopt -s inherit_errexit

HERE="$(cd "$(dirname "$0")" && pwd)"
MODE="${1:?usage: $0 register | bases [WORK_DIR] | serve REGISTRY [WORK_DIR]}"
CACHE="${DOCKYARD_IT_CACHE:-/var/cache/dockyard-it}"
AMD64="${DOCKYARD_AMD64_STANDINS:-}"
PROBE_IMAGE="dockyard-test/arm64-probe:busybox"
BINFMT=/proc/sys/fs/binfmt_misc
HASH_LABEL="dev.dockyard.test.input-hash"
# the default bases: upstream name, and the slug of their layouts
IMAGES=("debian:bookworm-slim debian-bookworm-slim" "eclipse-temurin:17-jdk eclipse-temurin-17-jdk")
INDEX_TYPE="application/vnd.oci.image.index.v1+json"
# shellcheck source=it/lib.sh
. "$HERE/lib.sh"
# shellcheck source=it/rootfs.sh
. "$HERE/rootfs.sh"
trace_failures
export DOCKER_BUILDKIT=0
# the script's stdout, for skip's reason from within captured functions
exec 4>&1

# skip REASON: arm64 is not to be had here; the reason on stdout for the caller, status 3
skip() {
  say "arm64 NOT AVAILABLE: $*"
  echo "$*" >&4
  exit 3
}

# known PACKAGE:arm64 [VERSION]: whether apt's lists have PACKAGE:arm64 (of VERSION)
known() {
  apt-cache madison "$1" 2>/dev/null | awk -F'|' -v version="${2:-}" \
    '{ gsub(/ /, "", $2) } version == "" || $2 == version { found = 1 } END { exit !found }'
}

# arm64_lists PACKAGE:arm64 [VERSION]: arm64 added to dpkg's architectures, and apt's lists read again when they
# do not know PACKAGE (of VERSION) yet
arm64_lists() {
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  known "$@" || apt-get update -qq >&2
}

# unpack DIR PACKAGE:arm64[=VERSION]...: the packages downloaded by apt and unpacked (dpkg-deb -x, no maintainer
# scripts) into DIR/root, made anew
unpack() {
  local dir="$1" deb
  shift
  rm -rf "$dir"
  mkdir -p "$dir/root"
  (cd "$dir" && apt-get download -q "$@" 2>&1 | { grep -v '^W: Download is performed unsandboxed' || true; } >&2)
  for deb in "$dir"/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
}

# put_blob LAYOUT FILE: FILE moved into LAYOUT's blobs; prints its digest and size
put_blob() {
  local digest size
  digest="sha256:$(sha256sum "$2" | cut -d' ' -f1)"
  size="$(stat -c %s "$2")"
  mkdir -p "$1/blobs/sha256"
  mv "$2" "$1/blobs/sha256/${digest#sha256:}"
  echo "$digest $size"
}

# put_json LAYOUT JSON: the JSON as a blob; prints its digest and size
put_json() {
  printf '%s' "$2" > "$1/json.part"
  put_blob "$1" "$1/json.part"
}

# oci_image LAYOUT LAYER_TAR CONFIG: LAYOUT made anew, an OCI image layout of one linux/arm64 image: LAYER_TAR
# gzipped as its one layer, CONFIG (JSON) its configuration's "config" object
oci_image() {
  local layout="$1" layer="$2" config="$3" diff gz cfg manifest
  jq -e 'type == "object"' <<<"$config" >/dev/null || die "not an image configuration: $config"
  rm -rf "$layout"
  mkdir -p "$layout/blobs/sha256"
  diff="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
  gzip -n -c "$layer" > "$layout/layer.part"
  read -r -a gz <<<"$(put_blob "$layout" "$layout/layer.part")"
  read -r -a cfg <<<"$(put_json "$layout" "$(jq -cn --argjson config "$config" --arg diff "$diff" \
    '{architecture: "arm64", variant: "v8", os: "linux", config: $config,
      rootfs: {type: "layers", diff_ids: [$diff]}, history: [{created_by: "dockyard stand-in (it/platforms.sh)"}]}')")"
  read -r -a manifest <<<"$(put_json "$layout" "$(jq -cn --arg cfg "${cfg[0]}" --argjson cfgSize "${cfg[1]}" \
    --arg gz "${gz[0]}" --argjson gzSize "${gz[1]}" \
    '{schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $cfg, size: $cfgSize},
      layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $gz, size: $gzSize}]}')")"
  jq -cn --arg digest "${manifest[0]}" --argjson size "${manifest[1]}" \
    '{schemaVersion: 2, manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $digest,
      size: $size, platform: {architecture: "arm64", os: "linux", variant: "v8"},
      annotations: {"org.opencontainers.image.ref.name": "arm64"}}]}' > "$layout/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
}

# the arm64 busybox-static binary, cached
busybox() {
  local bb="$CACHE/arm64/busybox" dir="$CACHE/build/busybox-arm64"
  if [ ! -x "$bb" ]; then
    arm64_lists busybox-static:arm64
    unpack "$dir" busybox-static:arm64 || return 1
    mkdir -p "$CACHE/arm64"
    cp "$dir/root/bin/busybox" "$bb.part"
    mv "$bb.part" "$bb"
    rm -rf "$dir"
  fi
  echo "$bb"
}

# whether qemu-aarch64 is registered, enabled, with flag F (the interpreter opened at registration, so that it
# runs in containers and chroots too)
binfmt_fixed() {
  grep -qx enabled "$BINFMT/qemu-aarch64" 2>/dev/null && grep -q '^flags: .*F' "$BINFMT/qemu-aarch64"
}

register() {
  local bb out dir
  if ! dpkg -s qemu-user-static binfmt-support >/dev/null 2>&1; then
    apt_install qemu-user-static binfmt-support || skip "qemu-user-static and binfmt-support could not be installed with apt-get"
  fi
  if ! mountpoint -q "$BINFMT"; then
    mount -t binfmt_misc binfmt_misc "$BINFMT" 2>/dev/null \
      || skip "binfmt_misc is not mounted at $BINFMT and could not be mounted (it needs root and the kernel's binfmt_misc)"
  fi
  # the arm64 runtime is linked here, its native debug symbols stripped with arm64's objcopy
  need_command aarch64-linux-gnu-objcopy binutils-aarch64-linux-gnu \
    || skip "binutils-aarch64-linux-gnu (aarch64-linux-gnu-objcopy, which strips the arm64 runtime) could not be installed with apt-get"
  binfmt_fixed || update-binfmts --enable qemu-aarch64 >&2 || true
  binfmt_fixed || skip "qemu-aarch64 is not registered with binfmt_misc with flag F, even after update-binfmts --enable qemu-aarch64 ($(tr '\n' ' ' < "$BINFMT/qemu-aarch64" 2>/dev/null || echo 'no entry'))"
  bb="$(busybox)" || skip "Debian's arm64 busybox-static could not be downloaded with apt-get"
  out="$("$bb" uname -m 2>&1)" || true
  [ "$out" = aarch64 ] || skip "an arm64 static binary does not run here through binfmt_misc: uname -m says '$out'"
  if ! docker image inspect "$PROBE_IMAGE" >/dev/null 2>&1; then
    need_command skopeo
    need_command jq
    dir="$CACHE/build/arm64-probe"
    rm -rf "$dir"
    mkdir -p "$dir/root/bin"
    cp "$bb" "$dir/root/bin/busybox"
    tar --numeric-owner --owner=0 --group=0 -C "$dir/root" -cf "$dir/layer.tar" .
    oci_image "$dir/oci" "$dir/layer.tar" '{"Entrypoint": ["/bin/busybox"], "Cmd": ["uname", "-m"]}'
    skopeo copy -q --dest-daemon-host "${DOCKER_HOST:-unix:///var/run/docker.sock}" "oci:$dir/oci:arm64" \
      "docker-daemon:$PROBE_IMAGE" >&2
    rm -rf "$dir"
  fi
  out="$(timeout 120 docker run --rm --platform linux/arm64 "$PROBE_IMAGE" 2>&1)" || true
  [ "$out" = aarch64 ] || skip "the engine does not run arm64 containers: uname -m in $PROBE_IMAGE says '$out'"
  say "arm64 binaries run here through qemu-aarch64 (binfmt_misc, flag F), in the engine's containers too"
}

# the Debian package version of the engine's amd64 JDK stand-in, from its JAVA_VERSION: jdk-17.0.15+6-Debian-1deb12u1
# is 17.0.15+6-1~deb12u1, jdk-17.0.21.1+2-1-deb12u1-Debian is 17.0.21.1+2-1~deb12u1
amd64_jdk_version() {
  docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "${AMD64}eclipse-temurin:17-jdk" \
    | sed -n 's/^JAVA_VERSION=jdk-//p' | sed 's/-Debian-/-/; s/-Debian$//; s/\([0-9]\)-\{0,1\}deb/\1~deb/'
}

# jdk VERSION: Debian's arm64 OpenJDK 17 JDK of VERSION, jmods included, assembled once in CACHE/arm64; prints its
# directory. Its links into /etc point into the unpacked packages, or the host's (cacerts, which
# ca-certificates-java makes), and are dereferenced as upstream-bases.sh does
jdk() {
  local version="$1" jdk="$CACHE/arm64/openjdk-$1" dir="$CACHE/build/openjdk-arm64" jvm link target available
  if [ ! -f "$jdk/release" ]; then
    arm64_lists openjdk-17-jdk-headless:arm64 "$version"
    if ! known openjdk-17-jdk-headless:arm64 "$version"; then
      available="$(apt-cache madison openjdk-17-jdk-headless:arm64 | awk -F'|' '{ gsub(/ /, "", $2); printf "%s%s", sep, $2; sep = " " }')"
      skip "Debian's mirrors have no arm64 openjdk-17-jdk-headless $version (the JDK of the engine's amd64 eclipse-temurin:17-jdk stand-in), only ${available:-none}: install one of those on the host (openjdk-17-jdk-headless) and run it/upstream-bases.sh again"
    fi
    # bookworm's openjdk-17-jdk-headless holds the jmods
    unpack "$dir" "openjdk-17-jdk-headless:arm64=$version" "openjdk-17-jre-headless:arm64=$version"
    jvm="$dir/root/usr/lib/jvm/java-17-openjdk-arm64"
    while IFS= read -r link; do
      target="$(readlink "$link")"
      case "$target" in /*) [ ! -e "$dir/root$target" ] || ln -sfn "$dir/root$target" "$link" ;; esac
    done < <(find "$jvm" -type l)
    mkdir -p "$dir/jdk"
    tar -C "$jvm" --dereference --exclude=./lib/src.zip -cf - . | tar -C "$dir/jdk" -xf -
    mkdir -p "$CACHE/arm64"
    rm -rf "$jdk"
    mv "$dir/jdk" "$jdk"
    rm -rf "$dir"
  fi
  echo "$jdk"
}

# layout_current LAYOUT HASH: whether LAYOUT was made from inputs of HASH
layout_current() { [ -f "$1/index.json" ] && [ "$(cat "$1.input-hash" 2>/dev/null)" = "$2" ]; }

bases() {
  local work="${1:-$HERE/target/platforms}" slim="$CACHE/$ROOTFS_SUITE-minbase-slim-arm64.tar"
  local binutils="$CACHE/$ROOTFS_SUITE-minbase-slim-binutils-arm64.tar" version jdk runtime expected hash layout
  local scripts env config
  need_command jq
  mkdir -p "$CACHE/build" "$work/arm64"
  binfmt_fixed || skip "qemu-aarch64 is not registered with flag F: run it/platforms.sh register first"
  [ -s "$slim" ] || rootfs_bootstrap "$slim" arm64
  [ -s "$binutils" ] || rootfs_with_binutils "$binutils" "$slim" arm64
  version="$(amd64_jdk_version)"
  [ -n "$version" ] || die "no JAVA_VERSION in the engine's ${AMD64}eclipse-temurin:17-jdk: run it/upstream-bases.sh first"
  jdk="$(jdk "$version")"
  runtime="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"
  expected="$(docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "${AMD64}eclipse-temurin:17-jdk" \
    | sed -n 's/^JAVA_VERSION=jdk-//p')"
  [ "$runtime" = "$expected" ] || die "the arm64 JDK in $jdk is $runtime, the amd64 stand-in's $expected: they must be the same build"
  grep -q '^OS_ARCH="aarch64"' "$jdk/release" || die "the JDK in $jdk is not an aarch64 one: $(grep OS_ARCH "$jdk/release")"
  scripts="$(cat "$0" "$HERE/rootfs.sh" | sha256sum | cut -c1-16)"

  layout="$work/arm64/debian-bookworm-slim"
  hash="$(printf '%s\n' "$scripts" "$(sha256sum "$slim")" | sha256sum | cut -c1-16)"
  if layout_current "$layout" "$hash"; then
    say "arm64 debian:bookworm-slim is up to date ($hash)"
  else
    config="$(jq -cn --arg key "$HASH_LABEL" --arg hash "$hash" '{Cmd: ["bash"], Labels: {($key): $hash}}')"
    oci_image "$layout" "$slim" "$config"
    echo "$hash" > "$layout.input-hash"
    say "built arm64 debian:bookworm-slim: $layout"
  fi

  layout="$work/arm64/eclipse-temurin-17-jdk"
  hash="$(printf '%s\n' "$scripts" "$(sha256sum "$binutils")" "$(cat "$jdk/release")" | sha256sum | cut -c1-16)"
  if layout_current "$layout" "$hash"; then
    say "arm64 eclipse-temurin:17-jdk is up to date ($hash)"
  else
    # the binutils root filesystem with the JDK appended at /opt/java/openjdk
    rm -rf "$work/stage"
    mkdir -p "$work/stage/opt/java"
    cp -a "$jdk" "$work/stage/opt/java/openjdk"
    cp "$binutils" "$work/layer.tar"
    tar --numeric-owner --owner=0 --group=0 --sort=name -C "$work/stage" -rf "$work/layer.tar" ./opt/java
    rm -rf "$work/stage"
    env="$(jq -cn --arg version "jdk-${runtime%-LTS}" '["JAVA_HOME=/opt/java/openjdk",
      "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "LANG=en_US.UTF-8", "LANGUAGE=en_US:en", "LC_ALL=en_US.UTF-8", "JAVA_VERSION=\($version)"]')"
    config="$(jq -cn --argjson env "$env" --arg key "$HASH_LABEL" --arg hash "$hash" \
      '{Env: $env, Cmd: ["jshell"], Labels: {($key): $hash}}')"
    oci_image "$layout" "$work/layer.tar" "$config"
    rm -f "$work/layer.tar"
    echo "$hash" > "$layout.input-hash"
    say "built arm64 eclipse-temurin:17-jdk with OpenJDK $runtime: $layout"
  fi
}

# arm64_java_version LAYOUT: the JAVA_VERSION of the configuration of the image in an arm64 layout (empty: none)
arm64_java_version() {
  local manifest config
  manifest="$(jq -r '.manifests[0].digest' "$1/index.json")"
  config="$(jq -r '.config.digest' "$1/blobs/sha256/${manifest#sha256:}")"
  jq -r '.config.Env // [] | .[]' "$1/blobs/sha256/${config#sha256:}" | sed -n 's/^JAVA_VERSION=//p'
}

# index IMAGE SLUG WORK: the layout WORK/serve/SLUG whose tag is IMAGE's: an index of the engine's amd64 stand-in and
# the arm64 one of `bases`
index() {
  local image="$1" arm="$3/arm64/$2" layout="$3/serve/$2" amd64 hash amd arm64 nested
  [ -f "$arm/index.json" ] || die "no arm64 $image in $arm: run it/platforms.sh bases $3 first"
  amd64="$(docker image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$AMD64$image" \
    | sed -n 's/^JAVA_VERSION=//p')"
  [ "$amd64" = "$(arm64_java_version "$arm")" ] \
    || die "the amd64 $AMD64$image has JAVA_VERSION '$amd64', the arm64 one '$(arm64_java_version "$arm")': run it/platforms.sh bases again"
  hash="$(printf '%s\n' "$(docker image inspect --format '{{.Id}}' "$AMD64$image")" "$(sha256sum "$arm/index.json")" \
    | sha256sum | cut -c1-16)"
  if layout_current "$layout" "$hash"; then
    say "the $image index is up to date ($hash)"
    return 0
  fi
  rm -rf "$layout"
  say "taking the engine's amd64 $AMD64$image"
  skopeo copy -q --src-daemon-host "${DOCKER_HOST:-unix:///var/run/docker.sock}" --dest-compress \
    "docker-daemon:$AMD64$image" "oci:$layout:amd64" >&2
  cp -n "$arm"/blobs/sha256/* "$layout/blobs/sha256/"
  amd="$(jq -c '.manifests[0] | del(.annotations) | .platform = {architecture: "amd64", os: "linux"}' "$layout/index.json")"
  arm64="$(jq -c '.manifests[0] | del(.annotations)' "$arm/index.json")"
  read -r -a nested <<<"$(put_json "$layout" "$(jq -cn --arg type "$INDEX_TYPE" --argjson amd "$amd" --argjson arm "$arm64" \
    '{schemaVersion: 2, mediaType: $type, manifests: [$amd, $arm]}')")"
  jq -cn --arg type "$INDEX_TYPE" --arg digest "${nested[0]}" --argjson size "${nested[1]}" --arg tag "${image#*:}" \
    '{schemaVersion: 2, manifests: [{mediaType: $type, digest: $digest, size: $size,
      annotations: {"org.opencontainers.image.ref.name": $tag}}]}' > "$layout/index.json"
  echo "$hash" > "$layout.input-hash"
}

serve() {
  local registry="${1:?usage: $0 serve REGISTRY [WORK_DIR]}" work="${2:-$HERE/target/platforms}" entry image slug
  local creds="$DOCKYARD_IT_REGISTRY_USER:$DOCKYARD_IT_REGISTRY_PASSWORD" target platforms digest
  need_command skopeo
  need_command jq
  mkdir -p "$work/serve"
  for entry in "${IMAGES[@]}"; do
    read -r image slug <<<"$entry"
    index "$image" "$slug" "$work"
    target="$registry/library/$image"
    skopeo copy -q --all --preserve-digests --dest-tls-verify=false --dest-creds "$creds" \
      "oci:$work/serve/$slug:${image#*:}" "docker://$target" >&2
    platforms="$(skopeo inspect --raw --tls-verify=false --creds "$creds" "docker://$target" \
      | jq -r '[.manifests[].platform | "\(.os)/\(.architecture)"] | sort | join(",")')"
    [ "$platforms" = "linux/amd64,linux/arm64" ] || die "$target has the platforms '$platforms', not linux/amd64 and linux/arm64"
    digest="$(skopeo inspect --raw --tls-verify=false --creds "$creds" "docker://$target" | sha256sum | cut -d' ' -f1)"
    say "$target: index sha256:$digest of $platforms"
  done
}

case "$MODE" in
  register) register ;;
  bases) bases "${2:-}" ;;
  serve) serve "${2:-}" "${3:-}" ;;
  *) say "usage: $0 register | bases [WORK_DIR] | serve REGISTRY [WORK_DIR]"; exit 2 ;;
esac
