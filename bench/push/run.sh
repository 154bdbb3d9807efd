#!/usr/bin/env bash
# Bytes uploaded per push to a registry, side by side: Dockyard's registry client (image.pushVia=registry), the engine
# path (image.pushVia=engine: the Docker engine pushes the same image) and Jib (jib:build). Results in
# docs/benchmarks.md, section "Pushing to a registry".
#
# Workload: orders (examples/shop, module orders-service), written by bench/peers/workload.py (Dockyard's copy and
# Jib's; Jib builds on docker://eclipse-temurin:17-jre). Each round and tool: a fresh registry (it/registry.sh: Debian's
# docker-registry on 127.0.0.1, htpasswd, empty storage), one push, a string constant of one class changed, a second
# push. Bytes uploaded = the sizes of the blobs whose uploads the registry completed (the "PUT .../blobs/uploads/...
# ?digest=" requests of its access log, 201), read from its storage; the new layers = the layer blobs of the second
# manifest that the first lacks (skopeo inspect --raw); the blobs uploaded after the change, split by kind: the image's
# layers, its SBOM's layer (the last layer of an image labelled dev.dockyard.sbom), its configuration, other blobs
# (the SBOM artifact the registry client pushes beside the image). A fourth way, dockyard-registry-nosbom, is the
# registry client's push of an image built with image.sbom.embed=false (no SBOM in the image, none pushed beside it).
#
# Usage: bench/push/run.sh [REPS]   (default 3) Markdown table on stdout and in target/push.md, raw figures in
# target/push.csv. The plugin is installed from this checkout into a private local repository (target/m2, a copy of
# ~/.m2/repository); PUSH_NO_INSTALL=1 uses the one there.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
REPO="$WORK/m2"
REPS="${1:-3}"
# PUSH_TOOLS: the tools, in this order (default all four); PUSH_FIRST_ROUND: the first round's number (default 1);
# PUSH_APPEND=1: add to target/push.csv instead of starting it anew
read -ra TOOLS <<< "${PUSH_TOOLS:-dockyard-registry dockyard-registry-nosbom dockyard-engine jib}"
# test data, as in it/registry.sh
USER_NAME=dockyard-it
PASSWORD=it-registry-secret-4711
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export SAY_PREFIX=push # read by the sourced library's say
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0

prepare() {
  mkdir -p "$WORK/logs"
  if [ ! -d "$REPO" ]; then
    say "copying the local repository to $REPO"
    cp -a "${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}" "$REPO"
  fi
  if [ -z "${PUSH_NO_INSTALL:-}" ]; then
    say "installing the plugin from this checkout into $REPO"
    mvn -B -q -o -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am -Dmaven.repo.local="$REPO" \
      > "$WORK/logs/install.log" 2>&1 || { tail -n 40 "$WORK/logs/install.log" >&2; exit 1; }
  fi
  printf '%s\n' "$PASSWORD" > "$WORK/password"
  rm -rf "$WORK/workloads"
  python3 "$ROOT/bench/peers/workload.py" dockyard orders "$ROOT" "$WORK/workloads/dockyard"
  python3 "$ROOT/bench/peers/workload.py" jib orders "$ROOT" "$WORK/workloads/jib"
  {
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "engine: $(docker version --format 'Docker Engine {{.Server.Version}}')"
    echo "registry: $(docker-registry --version 2>/dev/null | head -n 1)"
    echo "Maven: $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
  } > "$WORK/environment.txt"
  cat "$WORK/environment.txt" >&2
}

workload_of() { case "$1" in jib) echo "$WORK/workloads/jib/shop" ;; *) echo "$WORK/workloads/dockyard/shop" ;; esac; }

# one push by tool $1 of the image $2 (name:tag), log name $3
push() {
  local tool="$1" ref="$2" log="$WORK/logs/$1-$3.log" shop
  shop="$(workload_of "$tool")"
  local -a mvn=(timeout 1800 mvn -B -Dmaven.repo.local="$REPO")
  case "$tool" in
    jib)
      "${mvn[@]}" -f "$shop/pom.xml" -pl orders-service -am package jib:build -Djib.to.image="$ref" \
        -Djib.to.auth.username="$USER_NAME" -Djib.to.auth.password="$PASSWORD" -Djib.allowInsecureRegistries=true -DsendCredentialsOverHttp=true \
        > "$log" 2>&1 || { tail -n 40 "$log" >&2; die "jib:build failed: $log"; } ;;
    dockyard-*)
      # dockyard-registry-nosbom: the registry client's push of an image built with image.sbom.embed=false
      local via="${tool#dockyard-}"
      local -a build=()
      if [ "$via" = registry-nosbom ]; then via=registry; build=(-Dimage.sbom.embed=false); fi
      "${mvn[@]}" -o -f "$shop/pom.xml" -pl orders-service -am package -Dimage.name="${ref%:*}" -Dimage.tags="${ref##*:}" \
        "${build[@]}" > "$log" 2>&1 || { tail -n 40 "$log" >&2; die "the build failed: $log"; }
      "${mvn[@]}" -o -f "$shop/orders-service/pom.xml" "dev.dockyard:image-maven-plugin:0.1.0-SNAPSHOT:push" \
        -Dimage.name="${ref%:*}" -Dimage.tags="${ref##*:}" -Dimage.pushVia="$via" \
        -Dimage.registryUsername="$USER_NAME" -Dimage.registryPasswordFile="$WORK/password" \
        >> "$log" 2>&1 || { tail -n 40 "$log" >&2; die "image:push failed: $log"; } ;;
  esac
}

# bytes and count of the blob uploads the registry completed for repository $1 after line $2 of its log; each blob's
# digest and size also go to file $3
uploaded() {
  local blobs="$WORK/registry/data/docker/registry/v2/blobs/sha256"
  tail -n "+$(($2 + 1))" "$WORK/registry/registry.log" \
    | { grep -oE "\"PUT /v2/$1/blobs/uploads/[^ \"]*digest=sha256(%3A|:)[0-9a-f]{64}[^\"]*\" 201" || true; } \
    | sed -E 's/.*digest=sha256(%3A|:)([0-9a-f]{64}).*/\2/' \
    | while read -r hex; do echo "sha256:$hex $(stat -c %s "$blobs/${hex:0:2}/$hex/data")"; done \
    | tee "$3" | awk '{ sum += $2; n++ } END { printf "%d %d\n", sum, n }'
}

manifest() {
  timeout 60 skopeo inspect --raw --tls-verify=false --creds "$USER_NAME:$PASSWORD" "docker://$1"
}

# bytes of the layers of manifest $2 that manifest $1 lacks and how many; then the bytes of the blobs uploaded (file $4:
# digest and size a line) by kind: image layers but the SBOM's, the SBOM's layer (the last layer of an image whose
# configuration $3 has the label dev.dockyard.sbom), the image's configuration, and other blobs (the SBOM artifact)
new_layers() {
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import json, sys
old = {l["digest"] for l in json.load(open(sys.argv[1]))["layers"]}
manifest = json.load(open(sys.argv[2]))
layers = manifest["layers"]
new = [l for l in layers if l["digest"] not in old]
labels = json.load(open(sys.argv[3])).get("config", {}).get("Labels") or {}
sbom = layers[-1]["digest"] if "dev.dockyard.sbom" in labels else None
kinds = {"layer": 0, "sbom": 0, "config": 0, "other": 0}
for line in open(sys.argv[4]):
    digest, size = line.split()
    kind = ("sbom" if digest == sbom else "config" if digest == manifest["config"]["digest"]
            else "layer" if any(l["digest"] == digest for l in layers) else "other")
    kinds[kind] += int(size)
print(sum(l["size"] for l in new), len(new), kinds["layer"], kinds["sbom"], kinds["config"], kinds["other"])
PY
}

edit_class() {
  local file
  file="$(workload_of "$1")/orders-service/src/main/java/dev/dockyard/example/orders/OrdersService.java"
  sed -i -E "s/\"orders-service starting[^\"]*\"/\"orders-service starting (revision $2)\"/" "$file"
  grep -q "revision $2)" "$file" || die "could not edit $file"
}

# stops the registry, and removes the images the Dockyard builds of this run tagged for it (Jib's stay out of the engine)
stop_registry() {
  bash "$ROOT/it/registry.sh" stop "$WORK/registry" > /dev/null 2>&1 || true
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^127\.0\.0\.1:[0-9]+/bench/orders-dockyard-' \
    | xargs -r docker image rm > /dev/null 2>&1 || true
}

main() {
  prepare
  trap stop_registry EXIT
  local csv="$WORK/push.csv" rep tool
  # PUSH_APPEND=1 adds the rounds to an earlier run's figures
  [ -s "$csv" ] && [ -n "${PUSH_APPEND:-}" ] \
    || echo "tool,rep,fresh_bytes,fresh_blobs,change_bytes,change_blobs,new_layer_bytes,new_layers,config_bytes,up_layer_bytes,up_sbom_layer_bytes,up_config_bytes,up_other_bytes" > "$csv"
  mkdir -p "$WORK/manifests"
  for rep in $(seq "${PUSH_FIRST_ROUND:-1}" "$REPS"); do
    for tool in "${TOOLS[@]}"; do
      bash "$ROOT/it/registry.sh" start "$WORK/registry" 2> "$WORK/logs/registry.log" \
        || { cat "$WORK/logs/registry.log" >&2; die "the registry did not start"; }
      local registry repo mark fresh change config
      registry="$(sed -n 's/^docker.it.registry=//p' "$WORK/registry/registry.properties")"
      repo="bench/orders-$tool"
      mark="$(wc -l < "$WORK/registry/registry.log")"
      push "$tool" "$registry/$repo:fresh" "fresh-$rep"
      fresh="$(uploaded "$repo" "$mark" /dev/null)"
      manifest "$registry/$repo:fresh" > "$WORK/old.json"
      edit_class "$tool" "$tool-$rep"
      mark="$(wc -l < "$WORK/registry/registry.log")"
      push "$tool" "$registry/$repo:changed" "change-$rep"
      change="$(uploaded "$repo" "$mark" "$WORK/manifests/$tool-$rep-blobs.txt")"
      manifest "$registry/$repo:changed" > "$WORK/new.json"
      timeout 60 skopeo inspect --config --raw --tls-verify=false --creds "$USER_NAME:$PASSWORD" \
        "docker://$registry/$repo:changed" > "$WORK/config.json"
      cp "$WORK/old.json" "$WORK/manifests/$tool-$rep-fresh.json"
      cp "$WORK/new.json" "$WORK/manifests/$tool-$rep-changed.json"
      local layer_bytes layer_count up_layers up_sbom up_config up_other
      read -r layer_bytes layer_count up_layers up_sbom up_config up_other \
        < <(new_layers "$WORK/old.json" "$WORK/new.json" "$WORK/config.json" "$WORK/manifests/$tool-$rep-blobs.txt")
      config="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"]["size"])' "$WORK/new.json")"
      echo "$tool,$rep,${fresh% *},${fresh#* },${change% *},${change#* },$layer_bytes,$layer_count,$config,$up_layers,$up_sbom,$up_config,$up_other" >> "$csv"
      say "$tool round $rep: fresh ${fresh% *} bytes in ${fresh#* } blobs; after the change ${change% *} bytes in ${change#* } blobs: layers $up_layers, SBOM layer $up_sbom, config $up_config, other $up_other (new layers $layer_bytes bytes)"
      stop_registry
    done
  done
  python3 "$HERE/table.py" "$csv" | tee "$WORK/push.md"
}

main
