#!/usr/bin/env bash
# Image size against the physical floor on the faithful stand-ins of the default bases (it/upstream-bases.sh:
# debian:bookworm-slim from debootstrap, eclipse-temurin:17-jdk / 17-jre from Debian's JDK), for the three catalog
# templates and the example service (examples/shop, orders-service). Results in docs/benchmarks.md, section
# "Templates against the floor".
#
# The floor is measured in the builder image itself: jlink of the modules the build logged, with the template's
# flags, plus every shared library ldd lists for that runtime's executables and .so files (sizes with symlinks
# followed, the loader included), plus the staged jars. One run; sizes as `docker image inspect` reports them.
# Installs the plugin from this checkout first, unless BENCH_REPO names a local repository that already holds it
# (then Maven uses that repository). Needs a Docker engine (DOCKER_HOST, or it/engine.sh starts one).
# Usage: bench/floor/run.sh   (prints a Markdown table)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
BUILDER=eclipse-temurin:17-jdk
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0
maven=(mvn -B)
if [ -n "${BENCH_REPO:-}" ]; then
  maven+=("-Dmaven.repo.local=$BENCH_REPO")
else
  mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am >/dev/null
fi
bash "$ROOT/it/upstream-bases.sh" "$WORK/upstream-bases"

rm -rf "$WORK/shop"
mkdir -p "$WORK"
cp -r "$ROOT/examples/shop" "$WORK/shop"
find "$WORK/shop" -name target -type d -prune -exec rm -rf {} +

build() { # template → image id of orders-service
  "${maven[@]}" -f "$WORK/shop/pom.xml" package -pl orders-service -am -Dimage.template="$1" -Dimage.pull=never \
    -Dimage.gitTag=false -Dimage.tags="bench-$1" -Dimage.name=dockyard-bench/floor-orders \
    > "$WORK/build-$1.log" 2>&1 || { tail -n 40 "$WORK/build-$1.log" >&2; return 1; }
  cat "$WORK/shop/orders-service/target/docker/image-id"
}
size() { bench_image_size "$1"; }
mb() { bench_mb "$1"; }

declare -A image
for template in java-service java-service-debian java-service-jre; do
  image[$template]="$(build "$template")"
done
modules="$(bench_logged_modules "$WORK/build-java-service.log")"
[ -n "$modules" ] || { echo "no 'runtime modules' line in $WORK/build-java-service.log" >&2; exit 1; }
read -r jre_bytes lib_bytes app_bytes < <(bench_floor_parts "$modules" "$WORK/shop/orders-service/target/docker/layers" "$BUILDER")
floor=$((jre_bytes + lib_bytes + app_bytes))

echo "| image of orders-service (modules: $modules) | size | x floor |"
echo "| --- | --- | --- |"
echo "| physical floor: jlinked runtime + C libraries + jars | $(mb "$floor") ($(mb "$jre_bytes") + $(mb "$lib_bytes") + $(mb "$app_bytes")) | 1.00 |"
for template in java-service java-service-debian java-service-jre; do
  bytes="$(size "${image[$template]}")"
  echo "| \`$template\` | $(mb "$bytes") | $(awk -v a="$bytes" -v f="$floor" 'BEGIN { printf "%.2f", a / f }') |"
done
