#!/usr/bin/env bash
# Times `mvn -o -q package` on a generated reactor with image:dockerfile bound, skipped (-Dimage.skip) and unbound
# (-Ddockyard.phase=none). Runs are interleaved (bound, skipped, unbound, bound, ...) so that load from other
# processes spreads over the three variants alike; the summary gives the median of each and the ratios.
#
# Usage: run.sh [N modules, default 200] [runs, default 5] [mode: rerun|clean, default rerun]
#   rerun: `mvn -o -q package` on an already built reactor with nothing changed (the common rerun);
#   clean: `mvn -o -q clean package` (every jar rebuilt, every Dockerfile rendered and context staged afresh).
# The builds use a private copy of the local repository (target/m2) into which the plugin is installed from this
# checkout, so the measured plugin is this checkout's and no concurrent install into ~/.m2 can change it mid-run;
# BENCH_REPO=<local repository> uses that one and the plugin already installed there instead.
# JIB=1 generates the reactor with jib:dockerBuild bound too (generate.sh; needs a Docker engine holding
# eclipse-temurin:17-jre) and adds two variants: jib-bound (Jib's goal runs, Dockyard's is unbound) and jib-skipped
# (-Djib.skip); the three Dockyard variants then run with Jib unbound (-Djib.phase=none).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"
N="${1:-200}"
RUNS="${2:-5}"
MODE="${3:-rerun}"
here="$(cd "$(dirname "$0")" && pwd)"
reactor="$here/target/reactor"
results="$here/target/results-$MODE-$N.csv"
root="$(cd "$here/../.." && pwd)"
repo="${BENCH_REPO:-$here/target/m2}"
shared_repo="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"

if [ -z "${BENCH_REPO:-}" ]; then
  if [ ! -d "$repo" ]; then
    mkdir -p "$here/target"
    if [ -d "$shared_repo" ]; then cp -a "$shared_repo" "$repo"; else mkdir -p "$repo"; fi
  fi
  mvn -B -q -f "$root/pom.xml" install -DskipTests -pl image-maven-plugin -am -Dmaven.repo.local="$repo"
fi

"$here/generate.sh" "$N"
cd "$reactor"
# Untimed priming build, online: fetches plugins and dependencies, builds every jar and renders every module once
# (a rerun then measures the steady state).
mvn -B -q package -Dmaven.repo.local="$repo"

goals="package"
[ "$MODE" = clean ] && goals="clean package"

declare -A flags=([bound]="" [skipped]="-Dimage.skip" [unbound]="-Ddockyard.phase=none")
variants=(bound skipped unbound)
if [ -n "${JIB:-}" ]; then
  flags=([bound]="-Djib.phase=none" [skipped]="-Dimage.skip -Djib.phase=none"
    [unbound]="-Ddockyard.phase=none -Djib.phase=none" [jib-bound]="-Ddockyard.phase=none"
    [jib-skipped]="-Ddockyard.phase=none -Djib.skip")
  variants+=(jib-bound jib-skipped)
fi
echo "variant,run,seconds,cpu" > "$results"
for run in $(seq 1 "$RUNS"); do
  for variant in "${variants[@]}"; do
    # wall-clock seconds, and CPU seconds (user + system) of Maven's JVM, which other processes disturb far less
    # shellcheck disable=SC2086
    /usr/bin/time -o "$here/target/time.txt" -f '%e %U %S' mvn -B -o -q -Dmaven.repo.local="$repo" $goals ${flags[$variant]} \
      > "$here/target/last-$variant.log" 2>&1 || { cat "$here/target/last-$variant.log"; exit 1; }
    read -r wall user sys < "$here/target/time.txt"
    cpu=$(echo "$user + $sys" | bc)
    echo "$variant,$run,$wall,$cpu" >> "$results"
    printf '%-11s run %d: %7.2f s wall, %7.2f s CPU  (load %s)\n' "$variant" "$run" "$wall" "$cpu" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

python3 - "$results" "$N" "$MODE" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
n = int(sys.argv[2])
for column, label in (("seconds", "wall-clock"), ("cpu", "CPU (user + system)")):
    times = {}
    for r in rows:
        times.setdefault(r["variant"], []).append(float(r[column]))
    med = {v: statistics.median(t) for v, t in times.items()}
    print(f"\n{n} modules, mode {sys.argv[3]}, {len(times['bound'])} runs each, {label} seconds:")
    for v in times:
        t = sorted(times[v])
        print(f"  {v:11s} median {med[v]:7.2f}  min {t[0]:7.2f}  max {t[-1]:7.2f}  all {' '.join(f'{x:.2f}' for x in times[v])}")
    print(f"  bound vs skipped: {100 * (med['bound'] / med['skipped'] - 1):+.1f} %  (goal: <= +5 %)")
    print(f"  bound vs unbound: {100 * (med['bound'] / med['unbound'] - 1):+.1f} %")
    print(f"  per module (bound - skipped) / {n}: {1000 * (med['bound'] - med['skipped']) / n:.1f} ms")
    if "jib-bound" in med:
        print(f"  jib-bound vs jib-skipped: {100 * (med['jib-bound'] / med['jib-skipped'] - 1):+.1f} %")
        print(f"  jib-bound vs Dockyard bound: {med['jib-bound'] / med['bound']:.2f} x")
PY
if [ -n "${JIB:-}" ]; then
  # the images Jib loaded into the engine
  docker image ls -q --filter label=dev.dockyard.bench=reactor | sort -u | xargs -r docker image rm -f > /dev/null || true
fi
