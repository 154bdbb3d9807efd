# Figure 6 of bench/peers/run.sh (sourced by it: `run.sh startup [REPS]`), start-up and memory: the boot workload
# (Spring Boot 4 web + actuator + data-jpa) built as
#   none      Dockyard, image.startupCache=none (the default): a jlinked runtime without any CDS archive
#   runtime   the image of `cds` started without its application archive: the jlinked runtime's own CDS archive
#             (jlink --generate-cds-archive) alone
#   cds       Dockyard, image.startupCache=cds on the eclipse-temurin:17-jdk builder: AppCDS trained at build time
#             (on 17, image.startupCache=auto is this image)
#   auto-25   Dockyard, image.startupCache=auto on the eclipse-temurin:25-jdk builder: the JDK 25 AOT cache, trained
#             to Spring Boot's refresh (image.startupCache.training=auto)
#   health-25 the same, trained until /actuator/health answers (image.startupCache.training=health): the cache also
#             holds what the service loads to start Tomcat and answer its first request
#   jib       Jib on eclipse-temurin:17-jre (the stand-in carries the JRE's lib/server/classes.jsa, as the real
#             image does)
# and for each, REPS interleaved runs (none, runtime, cds, auto-25, jib, none, ...), every container with one CPU
# (--cpus=1) and no memory limit:
#   ready   time from the engine's StartedAt to the first 2xx of /actuator/health, polled from the host every 10 ms
#           (verdict_poll);
#   rss     the resident set of the container's main process (VmRSS of its /proc status, read from the host) once
#           ready.
# Image sizes per setting as the engine reports them. Raw figures in target/startup.csv, the table in
# target/startup.md.
# shellcheck shell=bash

STARTUP_LABEL=dev.dockyard.bench=peers-startup
STARTUP_VARIANTS=(none runtime cds auto-25 health-25 jib)

# the image of variant $1
startup_image() {
  case "$1" in
    none|cds|auto-25|health-25) echo "dockyard-bench/peers-startup-$1:bench" ;;
    runtime) startup_image cds ;;
    jib) image_of jib boot ;;
  esac
}

# "READY_MS RSS_KB" for one container of variant $1
startup_container() {
  local variant="$1" image id port start ready="" rss="" pid
  local -a run=(docker run -d --label "$STARTUP_LABEL" --cpus=1 -p 127.0.0.1::8080)
  image="$(startup_image "$variant")"
  if [ "$variant" = runtime ]; then
    # the cds image's entry point without the options that name the application archive
    local -a entry
    mapfile -t entry < <(docker image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$image" \
      | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xshare:auto$' -e '^$')
    run+=(--entrypoint "${entry[0]}" "$image" "${entry[@]:1}")
  else
    run+=("$image")
  fi
  id="$("${run[@]}")"
  start="$(date -d "$(docker inspect --format '{{.State.StartedAt}}' "$id")" +%s%N)"
  port="$(docker port "$id" 8080/tcp | head -n 1 | sed 's/.*://')"
  ready="$(verdict_poll "http://127.0.0.1:$port/actuator/health" "$start" $(( $(date +%s%N) + 180000000000 )))"
  pid="$(docker inspect --format '{{.State.Pid}}' "$id")"
  rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
  docker rm -f "$id" > /dev/null
  echo "${ready:-timeout} ${rss:-unknown}"
}

figure_startup() {
  local csv="$WORK/startup.csv" sizes="$WORK/startup-sizes.csv" rep variant ready rss setting
  # read by setup_workloads
  # shellcheck disable=SC2034
  TOOLS=(dockyard jib)
  # shellcheck disable=SC2034
  WORKLOADS=(boot)
  setup_workloads
  echo "variant,bytes" > "$sizes"
  for setting in none cds auto-25 health-25; do
    local -a flags=(-Dimage.name="dockyard-bench/peers-startup-$setting" -Dimage.tags=bench)
    case "$setting" in
      none) flags+=(-Dimage.startupCache=none) ;;
      cds) flags+=(-Dimage.startupCache=cds) ;;
      auto-25) flags+=(-Dimage.startupCache=auto -Dimage.builderImage=eclipse-temurin:25-jdk) ;;
      health-25) flags+=(-Dimage.startupCache=auto -Dimage.startupCache.training=health
                         -Dimage.builderImage=eclipse-temurin:25-jdk) ;;
    esac
    IMAGE="$(startup_image "$setting")" build dockyard boot "startup-$setting" package "${flags[@]}" > /dev/null
  done
  # shellcheck disable=SC2046 # the goals and flags are words
  build jib boot startup $(goals_of jib) > /dev/null
  for variant in none cds auto-25 health-25 jib; do
    echo "$variant,$(docker image inspect --format '{{.Size}}' "$(startup_image "$variant")")" >> "$sizes"
  done
  echo "variant,rep,ready_ms,rss_kb,load" > "$csv"
  for rep in $(seq 1 "$REPS"); do
    for variant in "${STARTUP_VARIANTS[@]}"; do
      read -r ready rss < <(startup_container "$variant")
      echo "$variant,$rep,$ready,$rss,$(load)" >> "$csv"
      say "$variant rep $rep: ready $ready ms, RSS $rss kB (load $(load))"
    done
  done
  python3 - "$csv" "$sizes" > "$WORK/startup.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sizes = {r["variant"]: int(r["bytes"]) for r in csv.DictReader(open(sys.argv[2]))}
sizes["runtime"] = sizes.get("cds")
def col(variant, name):
    return [int(r[name]) for r in rows if r["variant"] == variant and r[name] not in ("", "timeout", "unknown")]
jib = statistics.median(col("jib", "ready_ms"))
jib_rss = statistics.median(col("jib", "rss_kb"))
print("| image | start to first 2xx | × Jib | RSS once ready | × Jib | image size |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for variant in dict.fromkeys(r["variant"] for r in rows):
    ready, rss = col(variant, "ready_ms"), col(variant, "rss_kb")
    size = f"{sizes[variant] / 1e6:,.1f} MB" if sizes.get(variant) else "—"
    print(f"| `{variant}` | {statistics.median(ready):,.0f} ms ({min(ready):,} – {max(ready):,})"
          f" | {statistics.median(ready) / jib:.2f} | {statistics.median(rss) / 1024:,.0f} MiB"
          f" ({min(rss) / 1024:,.0f} – {max(rss) / 1024:,.0f}) | {statistics.median(rss) / jib_rss:.2f} | {size} |")
loads = [float(r["load"]) for r in rows]
print(f"\n{max(int(r['rep']) for r in rows)} runs each, interleaved, one CPU per container, median (min – max);"
      f" load average {min(loads):.1f} to {max(loads):.1f}")
PY
  cat "$WORK/startup.md"
}
