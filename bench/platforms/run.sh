#!/usr/bin/env bash
# Multi-platform images (image.platforms): what each added platform costs, and how close each platform's image is to
# its own floor. Results in docs/benchmarks.md, section "Multi-platform images".
#
# Workload: orders-service of the example reactor (examples/shop), builder image eclipse-temurin:17-jdk served as a
# two-platform index (the amd64 stand-in of it/upstream-bases.sh and the arm64 one of it/platforms.sh) by a private
# registry (it/registry.sh, 127.0.0.1). Each round builds the module from a clean target/ with
# -Dimage.platforms=linux/amd64 and with -Dimage.platforms=linux/amd64,linux/arm64, image.buildTo=registry (no engine
# in the build), the two interleaved, the registry's blobs already in the plugin's cache (a warm-up build first).
# Then:
#   - build time: wall-clock seconds of each mvn package, median and spread, and the ratio two platforms : one;
#   - each platform's image against its floor: the floor measured in that platform's builder image (the arm64 one
#     run under emulation) as bench/floor/run.sh measures it: jlink of the logged modules with the template's flags,
#     plus the shared libraries ldd lists, plus the staged jars; the image's size from image.json;
#   - start to healthy: each platform's image, pulled by its digest, run with its HEALTHCHECK (every 500 ms instead of
#     the image's interval, which would bound the figure) until the engine says healthy (the amd64 one natively, the
#     arm64 one under emulation), median and spread. A report, no goal.
#
# Usage: bench/platforms/run.sh [REPS]   (default 3) Markdown on stdout and in target/platforms.md.
# Needs a Docker engine (DOCKER_HOST, or it/engine.sh starts one) and arm64 under emulation (it/platforms.sh).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
REPS="${1:-3}"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export SAY_PREFIX=platforms
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0
NAME=dockyard-bench/platforms-orders
CONFIG="$WORK/docker-config"
CONTAINERS=()

cleanup() {
  local c
  for c in "${CONTAINERS[@]}"; do docker rm --force "$c" >/dev/null 2>&1 || true; done
  bash "$ROOT/it/registry.sh" stop "$WORK/registry" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$WORK/shop" "$WORK/logs" "$CONFIG"
mkdir -p "$WORK/logs" "$CONFIG"
mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am >/dev/null
bash "$ROOT/it/upstream-bases.sh" "$WORK/upstream-bases" >&2
bash "$ROOT/it/platforms.sh" register >&2
bash "$ROOT/it/platforms.sh" bases "$WORK/platforms" >&2
bash "$ROOT/it/registry.sh" start "$WORK/registry" >&2
REGISTRY="$(sed -n 's/^docker.it.registry=//p' "$WORK/registry/registry.properties")"
bash "$ROOT/it/platforms.sh" serve "$REGISTRY" "$WORK/platforms" >&2
USER_NAME="$DOCKYARD_IT_REGISTRY_USER"
PASSWORD="$DOCKYARD_IT_REGISTRY_PASSWORD"
printf '%s' "$PASSWORD" | docker --config "$CONFIG" login --username "$USER_NAME" --password-stdin "$REGISTRY" >/dev/null
cat > "$WORK/settings.xml" <<EOF
<settings>
  <servers>
    <server><id>$REGISTRY</id><username>$USER_NAME</username><password>$PASSWORD</password></server>
  </servers>
</settings>
EOF
cp -r "$ROOT/examples/shop" "$WORK/shop"
find "$WORK/shop" -name target -type d -prune -exec rm -rf {} +

# build PLATFORMS LOG: one clean build of orders-service for PLATFORMS; prints its wall-clock seconds
build() {
  local start end
  rm -rf "$WORK/shop/orders-service/target"
  start="$(date +%s.%N)"
  mvn -B -o -s "$WORK/settings.xml" -f "$WORK/shop/pom.xml" package -pl orders-service -am \
    -Dimage.platforms="$1" -Dimage.buildTo=registry -Dimage.builderImage="$REGISTRY/library/eclipse-temurin:17-jdk" \
    -Dimage.name="$REGISTRY/$NAME" -Dimage.registryServerId="$REGISTRY" -Dimage.gitTag=false \
    -Dimage.baseImageCache="$WORK/cache" > "$WORK/logs/$2" 2>&1 || { tail -n 40 "$WORK/logs/$2" >&2; return 1; }
  end="$(date +%s.%N)"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

say "warm-up: the builder image's blobs of both platforms into the plugin's cache"
build linux/amd64,linux/arm64 warm-up.log >/dev/null
: > "$WORK/one.txt"
: > "$WORK/two.txt"
for round in $(seq 1 "$REPS"); do
  say "round $round of $REPS"
  build linux/amd64 "one-$round.log" >> "$WORK/one.txt"
  build linux/amd64,linux/arm64 "two-$round.log" >> "$WORK/two.txt"
done
read -r one_median one_min one_max < <(bench_stats < "$WORK/one.txt")
read -r two_median two_min two_max < <(bench_stats < "$WORK/two.txt")

# each platform's image against its floor
last="$WORK/logs/two-$REPS.log"
modules="$(bench_logged_modules "$last")"
[ -n "$modules" ] || { echo "no 'runtime modules' line in $last" >&2; exit 1; }
json="$WORK/shop/orders-service/target/image-reports/image.json"
index="$(jq -r .repoDigest "$json")"
rows=()
declare -A digest
for arch in amd64 arm64; do
  digest[$arch]="$(skopeo inspect --raw --tls-verify=false --creds "$USER_NAME:$PASSWORD" "docker://$index" \
    | jq -r --arg a "$arch" '.manifests[] | select(.platform.architecture == $a) | .digest')"
  builder="$(docker --config "$CONFIG" pull -q --platform "linux/$arch" "$REGISTRY/library/eclipse-temurin:17-jdk")"
  # the arm64 one runs under emulation (the engine says so on stderr)
  say "floor of linux/$arch, measured in $builder$([ "$arch" = arm64 ] && echo ' under emulation')"
  read -r jre lib app < <(bench_floor_parts "$modules" "$WORK/shop/orders-service/target/docker/layers" "$builder")
  floor=$((jre + lib + app))
  size="$(jq -r --arg p "linux/$arch" '.platforms[] | select(.platform == $p) | .size' "$json")"
  rows+=("| linux/$arch | $(bench_mb "$floor") ($(bench_mb "$jre") + $(bench_mb "$lib") + $(bench_mb "$app")) | $(bench_mb "$size") | $(bench_ratio "$size" "$floor") |")
done

# start to healthy, each platform
healthy() { # IMAGE → seconds from docker run to healthy
  local c start status
  start="$(date +%s.%N)"
  c="$(docker run --detach --label dev.dockyard.bench=platforms --health-interval 500ms "$1")"
  CONTAINERS+=("$c")
  for _ in $(seq 1 3000); do
    status="$(docker inspect --format '{{.State.Health.Status}}' "$c")"
    [ "$status" = healthy ] && break
    [ "$(docker inspect --format '{{.State.Running}}' "$c")" = true ] || { docker logs "$c" >&2; return 1; }
    sleep 0.2
  done
  [ "$status" = healthy ] || { echo "not healthy within 600s" >&2; return 1; }
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }'
  docker rm --force "$c" >/dev/null
}
declare -A start_median start_spread
for arch in amd64 arm64; do
  image="$(docker --config "$CONFIG" pull -q "$REGISTRY/$NAME@${digest[$arch]}")"
  : > "$WORK/start-$arch.txt"
  for _ in $(seq 1 "$REPS"); do healthy "$image" >> "$WORK/start-$arch.txt"; done
  read -r m lo hi < <(bench_stats < "$WORK/start-$arch.txt")
  start_median[$arch]="$m"
  start_spread[$arch]="$lo–$hi"
  docker image rm --force "$image" >/dev/null 2>&1 || true
done

{
  echo "Build of orders-service from a clean target/, image.buildTo=registry, $REPS rounds (median, min–max):"
  echo
  echo "| image.platforms | seconds | x one platform |"
  echo "| --- | --- | --- |"
  echo "| linux/amd64 | $one_median ($one_min–$one_max) | 1.00 |"
  echo "| linux/amd64,linux/arm64 | $two_median ($two_min–$two_max) | $(bench_ratio "$two_median" "$one_median") |"
  echo
  echo "Each platform's image against its floor (modules: $modules):"
  echo
  echo "| platform | floor (runtime + C libraries + jars) | image | x floor |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Start to healthy, $REPS runs each (median, min–max), the image's HEALTHCHECK run every 500 ms:"
  echo
  echo "| platform | seconds |"
  echo "| --- | --- |"
  echo "| linux/amd64 (native) | ${start_median[amd64]} (${start_spread[amd64]}) |"
  echo "| linux/arm64 (under emulation) | ${start_median[arm64]} (${start_spread[arm64]}) |"
} | tee "$WORK/platforms.md"
