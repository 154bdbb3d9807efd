#!/usr/bin/env bash
# Time to verdict (docs/benchmarks.md, "Against the peers", figure 5): how soon after a container starts does
# image:verify say "healthy", against when the service is ready and when the engine's own health check says so.
#
# Per repetition, interleaved:
#   ready   a container of the image started with `docker run`; its health path polled from the host every 10 ms:
#           time from the engine's StartedAt to the first 2xx answer (when the service is ready);
#   engine  the same container: time from StartedAt until the engine reports it healthy (its first check comes one
#           health-check interval after start, 10 s by default): what waiting for the engine alone gives;
#   verify  `mvn -o verify` on the module (the image is up to date): the seconds `PASS healthy: healthy after` gives.
# The verdict latency is verify - ready (medians); goal: within 1 s.
# Workload: orders-service of examples/shop, ready in well under a second; with BOOT_IMAGE=<image> (port 8080,
# /actuator/health) also the Spring Boot service's start-to-ready time (the templates offer no CDS or AOT cache, so
# only without one).
# Installs the plugin from this checkout first (or uses BENCH_REPO, a local repository that holds it); needs a
# Docker engine (DOCKER_HOST, or it/engine.sh starts one) and the stand-in bases (it/upstream-bases.sh).
# Usage: bench/peers/verdict.sh [repetitions, default 5]
set -euo pipefail

REPS="${1:-5}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target/verdict"
LABEL=dev.dockyard.bench=peers-verdict
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0
maven=(mvn -B)
if [ -n "${BENCH_REPO:-}" ]; then
  maven+=("-Dmaven.repo.local=$BENCH_REPO")
else
  mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am >/dev/null
fi
bash "$ROOT/it/upstream-bases.sh" "$HERE/target/upstream-bases" >/dev/null

cleanup() { docker ps -aq --filter "label=$LABEL" | xargs -r docker rm -f >/dev/null 2>&1 || true; }
trap cleanup EXIT

rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$ROOT/examples/shop" "$WORK/shop"
find "$WORK/shop" -name target -type d -prune -exec rm -rf {} +
flags=(-f "$WORK/shop/pom.xml" -pl orders-service -am -Dimage.pull=never -Dimage.gitTag=false
  -Dimage.tags=bench-verdict -Dimage.name=dockyard-bench/verdict-orders)
"${maven[@]}" "${flags[@]}" package > "$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; exit 1; }
ORDERS=dockyard-bench/verdict-orders:bench-verdict

now_ns() { date +%s%N; }
started_ns() { date -d "$(docker inspect --format '{{.State.StartedAt}}' "$1")" +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (a - b) / 1000000 }'; }

# ready and engine times of one container of $1 (health path $2, port $3): prints "ready_ms engine_ms"
measure() {
  local id port start ready="" engine="" deadline status
  id="$(docker run -d --label "$LABEL" -p "127.0.0.1::$3" "$1")"
  start="$(started_ns "$id")"
  port="$(docker port "$id" "$3/tcp" | head -n 1 | sed 's/.*://')"
  deadline=$(( $(now_ns) + 180000000000 ))
  while [ -z "$ready" ] && [ "$(now_ns)" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port$2" 2>/dev/null; then ready="$(ms "$(now_ns)" "$start")"; fi
    [ -n "$ready" ] || sleep 0.01
  done
  while [ -z "$engine" ] && [ "$(now_ns)" -lt "$deadline" ]; do
    status="$(docker inspect --format '{{.State.Health.Status}}' "$id")"
    if [ "$status" = healthy ]; then engine="$(ms "$(now_ns)" "$start")"; fi
    [ -n "$engine" ] || sleep 0.02
  done
  docker rm -f "$id" >/dev/null
  echo "${ready:-timeout} ${engine:-timeout}"
}

# seconds image:verify reports for healthy, in ms
verify_ms() {
  "${maven[@]}" -o "${flags[@]}" verify > "$WORK/verify.log" 2>&1 || { tail -n 40 "$WORK/verify.log" >&2; return 1; }
  sed -n 's/.*PASS healthy: healthy after \([0-9.]*\)s.*/\1/p' "$WORK/verify.log" | awk '{ printf "%.0f\n", $1 * 1000 }'
}

results="$WORK/verdict.csv"
echo "workload,rep,ready_ms,engine_ms,verify_ms" > "$results"
for rep in $(seq 1 "$REPS"); do
  read -r ready engine < <(measure "$ORDERS" /health 8080)
  verify="$(verify_ms)"
  echo "orders-service,$rep,$ready,$engine,$verify" >> "$results"
  printf 'orders-service rep %d: ready %s ms, engine healthy %s ms, image:verify healthy %s ms (load %s)\n' \
    "$rep" "$ready" "$engine" "$verify" "$(cut -d' ' -f1 /proc/loadavg)" >&2
  if [ -n "${BOOT_IMAGE:-}" ]; then
    read -r ready engine < <(measure "$BOOT_IMAGE" /actuator/health 8080)
    echo "spring-boot,$rep,$ready,$engine," >> "$results"
    printf 'spring-boot rep %d: ready %s ms, engine healthy %s ms\n' "$rep" "$ready" "$engine" >&2
  fi
done
grep -q 'image.healthCheckInterval' "$WORK/shop/pom.xml" && interval="(see examples/shop/pom.xml)" || interval="10s (default)"

python3 - "$results" "$interval" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def col(workload, name):
    return [int(r[name]) for r in rows if r["workload"] == workload and r[name] not in ("", "timeout")]
def fmt(values):
    return f"{statistics.median(values):,.0f} ms ({min(values):,} – {max(values):,})" if values else "—"
print(f"| workload | service ready | engine reports healthy (interval {sys.argv[2]}) | image:verify: healthy | verdict - ready |")
print("| --- | ---: | ---: | ---: | ---: |")
for workload in ("orders-service", "spring-boot"):
    ready, engine, verify = col(workload, "ready_ms"), col(workload, "engine_ms"), col(workload, "verify_ms")
    if not ready:
        continue
    gap = f"{statistics.median(verify) - statistics.median(ready):,.0f} ms (goal: <= 1,000 ms)" if verify else "—"
    print(f"| {workload} | {fmt(ready)} | {fmt(engine)} | {fmt(verify)} | {gap} |")
print(f"\n{len(col('orders-service', 'ready_ms'))} repetitions, median (min – max); raw data: bench/peers/target/verdict/verdict.csv")
PY
