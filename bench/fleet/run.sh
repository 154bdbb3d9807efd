#!/usr/bin/env bash
# Fleet footprint: the sum of unique layer bytes of all services of a generated reactor (bench/fleet/generate.sh),
# built side by side in one run by Dockyard with image.runtime=module (each service jlinks its own modules),
# Dockyard with image.runtime=reactor (one runtime for the reactor) and Jib (jib:dockerBuild on the
# eclipse-temurin:17-jre stand-in). The bytes are what `docker save` of all N images of one variant holds, each
# layer once (bench/fleet/footprint.py): what a node running the fleet stores, uncompressed. They are deterministic
# (same sources, same bytes), so one build per variant; the wall time of each build is reported beside it.
#
# Usage: bench/fleet/run.sh [N...]   (default: 10 20)
# The plugin is installed from this checkout into a private local repository (target/m2, a copy of
# ~/.m2/repository); FLEET_NO_INSTALL=1 uses the one there; FLEET_VARIANTS="jib module" builds only those (FLEET_APPEND=1 adds their rows to target/fleet.csv). JIB_VERSION picks jib-maven-plugin (default 3.5.2, as bench/peers).
# Markdown table to stdout and target/fleet.md, raw figures in target/fleet.csv.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
REPO="$WORK/m2"
JIB_VERSION="${JIB_VERSION:-3.5.2}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 20)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export SAY_PREFIX=fleet # read by the sourced libraries' say
export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0

mkdir -p "$WORK/logs"
if [ ! -d "$REPO" ]; then
  say "copying the local repository to $REPO"
  cp -a "${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}" "$REPO"
fi
VERSION="$(sed -n "s:^  <version>\(.*\)</version>:\1:p" "$ROOT/pom.xml" | head -n 1)"
if [ -z "${FLEET_NO_INSTALL:-}" ]; then
  say "installing the plugin $VERSION from this checkout into $REPO"
  mvn -o -B -q -f "$ROOT/pom.xml" install -DskipTests -Dinvoker.skip -pl image-maven-plugin -am \
    -Dmaven.repo.local="$REPO" > "$WORK/logs/install.log" 2>&1 || { tail -n 40 "$WORK/logs/install.log" >&2; exit 1; }
fi
for base in eclipse-temurin:17-jdk eclipse-temurin:17-jre; do
  docker image inspect "$base" > /dev/null || die "$base is not in the engine: run it/upstream-bases.sh first"
done

# the images of variant $2 (module, reactor, jib) of the fleet of $1 services
images() { for i in $(seq 1 "$1"); do printf 'dockyard-bench/fleet-h20r-svc%03d:%s\n' "$i" "$2"; done; }

[ -n "${FLEET_APPEND:-}" ] || echo "services,variant,unique_layer_bytes,unique_layers,seconds" > "$WORK/fleet.csv"
for n in "${SIZES[@]}"; do
  dir="$(bash "$HERE/generate.sh" "$n")"
  for variant in ${FLEET_VARIANTS:-reactor jib module}; do
    # Jib's build runs online: jib-maven-plugin may not be in the local repository yet (as in bench/push)
    case "$variant" in
      module) flags=(-o -Dimage.runtime=module -Dfleet.tag=module) ;;
      reactor) flags=(-o -Dimage.runtime=reactor -Dfleet.tag=reactor) ;;
      jib) flags=(-Ddockyard.phase=none -Djib.phase=package) ;;
    esac
    say "$n services, $variant: building"
    start=$(date +%s.%N)
    nice mvn -B -T 2 -f "$dir/pom.xml" clean package -Dmaven.repo.local="$REPO" -Ddockyard.version="$VERSION" \
      -Djib.version="$JIB_VERSION" "${flags[@]}" > "$WORK/logs/fleet-$n-$variant.log" 2>&1 \
      || { tail -n 40 "$WORK/logs/fleet-$n-$variant.log" >&2; exit 1; }
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
    # shellcheck disable=SC2046  # one argument per image
    read -r bytes layers < <(docker save $(images "$n" "$variant") | python3 "$HERE/footprint.py")
    echo "$n,$variant,$bytes,$layers,$seconds" >> "$WORK/fleet.csv"
    say "$n services, $variant: $(bench_mb "$bytes") in $layers unique layers (build ${seconds}s)"
  done
done

python3 - "$WORK/fleet.csv" <<'PY' | tee "$WORK/fleet.md"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {(r["services"], r["variant"]): r for r in rows}
print("| services | Dockyard `module` | Dockyard `reactor` | Jib | `reactor` / Jib | `module` / Jib | `reactor` / `module` |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for n in dict.fromkeys(r["services"] for r in rows):
    # a variant not built (FLEET_VARIANTS) shows as "-"
    m, r, j = (int(by[(n, v)]["unique_layer_bytes"]) if (n, v) in by else None for v in ("module", "reactor", "jib"))
    cell = lambda v: f'{int(by[(n, v)]["unique_layer_bytes"]) / 1e6:.1f} MB ({by[(n, v)]["unique_layers"]} layers, build {by[(n, v)]["seconds"]} s)' if (n, v) in by else "-"
    q = lambda a, b: f"{a / b:.2f}" if a and b else "-"
    print(f"| {n} | {cell('module')} | {cell('reactor')} | {cell('jib')} | {q(r, j)} | {q(m, j)} | {q(r, m)} |")
PY
