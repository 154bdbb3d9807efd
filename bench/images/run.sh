#!/usr/bin/env bash
# Image benchmarks (results in docs/benchmarks.md, section "Images"):
#   1. size of an archetype-style service image against the physical floor: a jlink runtime of exactly the
#      modules the service needs + its jars + the C library files that runtime loads;
#   2. bytes of new layers after changing one class, against the application layer (goal: <= 1.05x);
#   3. whether a rebuild after `mvn clean`, with no source change, gives the same image id.
# Installs the plugin from this checkout first; needs a Docker engine (DOCKER_HOST, or it/engine.sh starts one).
# Usage: bench/images/run.sh   (prints a Markdown table)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
BARE=dockyard-test/base:17
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am >/dev/null
bash "$ROOT/it/base-images.sh" "$WORK/base-images"

rm -rf "$WORK/service"
mkdir -p "$WORK"
cp -r "$HERE/service" "$WORK/service"
cd "$WORK/service"

build() { # runtime image → image id
  mvn -B package -Dimage.builderImage=dockyard-test/jdk:17 -Dimage.runtimeImage="$1" -Dimage.pull=never \
    -Dimage.gitTag=false -Dimage.tags="$2" > "$WORK/build.log" || { tail -n 40 "$WORK/build.log" >&2; return 1; }
  cat target/docker/image-id
}
size() { docker image inspect --format '{{.Size}}' "$1"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
# bytes of the steps of the new image that the old one does not share: with the classic builder every step of a
# locally built image has an id, and a step taken from the cache keeps it (base image steps show as <missing>)
new_bytes() { # old new
  awk -F'\t' 'NR == FNR { old[$1] = 1; next } $1 != "<missing>" && !($1 in old) { total += $2 } END { print total + 0 }' \
    <(docker history --no-trunc --format '{{.ID}}\t{{.Size}}' --human=false "$1") \
    <(docker history --no-trunc --format '{{.ID}}\t{{.Size}}' --human=false "$2")
}
app_layer() { # size of the layer that COPY layers/application/ made
  docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' --human=false "$1" \
    | awk -F'\t' '/ in \/app\/app\/ *$/ { print $1; exit }'
}

# 1. size against the floor
with_base="$(build dockyard-test/jre:17 bench-runtime)"
bare="$(build "$BARE" bench-bare)"
modules="$(sed -n 's/.*(runtime modules: \(.*\))$/\1/p' "$WORK/build.log")"
rm -rf "$WORK/floor-jre"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$WORK/floor-jre"
jre_bytes="$(du -sb "$WORK/floor-jre" | cut -f1)"
app_bytes="$(du -cb target/docker/layers/*/* | tail -n 1 | cut -f1)"
lib_bytes=0
for lib in $(for f in "$WORK/floor-jre/bin/java" "$WORK/floor-jre/lib/server/libjvm.so" "$WORK/floor-jre"/lib/*.so; do
    ldd "$f" 2>/dev/null || true; done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
    | grep -v "^$WORK" | sort -u); do
  lib_bytes=$((lib_bytes + $(stat -L -c %s "$lib")))
done
floor=$((jre_bytes + app_bytes + lib_bytes))

# 2. change one class
app_before="$(app_layer "$bare")"
sed -i 's/revision 1/revision 2/' src/main/java/bench/Greeting.java
changed="$(build "$BARE" bench-changed)"
new="$(new_bytes "$bare" "$changed")"
app_after="$(app_layer "$changed")"

# 3. rebuild after mvn clean, no source change
mvn -B -q clean >/dev/null
rebuilt="$(build "$BARE" bench-rebuilt)"

echo "| measurement | value |"
echo "| --- | --- |"
echo "| runtime modules (jdeps) | $modules |"
echo "| physical floor: jlinked runtime + app jars + C libraries | $(mb "$floor") ($(mb "$jre_bytes") + $(mb "$app_bytes") + $(mb "$lib_bytes")) |"
echo "| image on dockyard-test/base:17 (C libraries, busybox, passwd) | $(mb "$(size "$bare")") ($(awk -v a="$(size "$bare")" -v f="$floor" 'BEGIN { printf "%.2f", a / f }') x floor) |"
echo "| image on dockyard-test/jre:17 (a base with its own JRE, which the template overlays) | $(mb "$(size "$with_base")") |"
echo "| application layer before / after the change | $app_before B / $app_after B |"
echo "| new layer bytes after changing one class | $new B ($(awk -v n="$new" -v a="$app_after" 'BEGIN { printf "%.3f", n / a }') x application layer) |"
echo "| image id after mvn clean + rebuild | $([ "$rebuilt" = "$changed" ] && echo "same ($rebuilt)" || echo "different: $changed then $rebuilt") |"
