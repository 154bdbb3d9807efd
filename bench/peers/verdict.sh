# Figure 5 of bench/peers/run.sh (sourced by it: `run.sh verdict [REPS]`), time to verdict: how soon after a
# container starts does image:verify say "healthy", against when the service is ready and when the engine's own
# health check says so. Per workload (Dockyard's images of orders and boot, default template and settings), REPS
# repetitions, interleaved:
#   ready   a container of the image started with `docker run`, its health path polled from the host every 10 ms
#           (by one Python process):
#           time from the engine's StartedAt to the first 2xx answer (the service is ready);
#   engine  the same container: time from StartedAt until the engine reports it healthy (its first check comes one
#           health-check interval after start, 10 s by default): what waiting for the engine alone gives;
#   verify  `mvn -o verify` of the workload (the image is up to date): the seconds `PASS healthy: healthy after` gives.
# The verdict latency is verify - ready (medians); goal: within 1 s. Raw figures in target/verdict.csv.
# shellcheck shell=bash

VERDICT_LABEL=dev.dockyard.bench=peers-verdict

verdict_now() { date +%s%N; }

# health path of workload $1 (both serve on 8080)
verdict_path() { case "$1" in orders) echo /health ;; boot) echo /actuator/health ;; esac; }

# milliseconds from $2 (ns) to the first 2xx or 3xx answer of URL $1, polled every 10 ms until $3 (ns); nothing
# when none came. One polling process (a curl started every 10 ms would take a core from the starting service)
verdict_poll() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys, time, urllib.request
url, start, deadline = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
while time.time_ns() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=1) as answer:
            if 200 <= answer.status < 400:
                print((time.time_ns() - start) // 1000000)
                break
    except Exception:
        pass
    time.sleep(0.01)
PY
}

# "READY_MS ENGINE_MS" for one container of image $1, health path $2 (port 8080); "timeout" where 180 s passed
verdict_container() {
  local id port start ready="" engine="" deadline
  id="$(docker run -d --label "$VERDICT_LABEL" -p 127.0.0.1::8080 "$1")"
  start="$(date -d "$(docker inspect --format '{{.State.StartedAt}}' "$id")" +%s%N)"
  port="$(docker port "$id" 8080/tcp | head -n 1 | sed 's/.*://')"
  deadline=$(( $(verdict_now) + 180000000000 ))
  ready="$(verdict_poll "http://127.0.0.1:$port$2" "$start" "$deadline")"
  while [ -z "$engine" ] && [ "$(verdict_now)" -lt "$deadline" ]; do
    if [ "$(docker inspect --format '{{.State.Health.Status}}' "$id")" = healthy ]; then
      engine=$(( ($(verdict_now) - start) / 1000000 ))
    else
      sleep 0.1
    fi
  done
  docker rm -f "$id" > /dev/null
  echo "${ready:-timeout} ${engine:-timeout}"
}

figure_verdict() {
  local csv="$WORK/verdict.csv" workload rep ready engine verify log
  setup_workloads
  echo "workload,rep,ready_ms,engine_ms,verify_ms,load" > "$csv"
  for workload in "${WORKLOADS[@]}"; do
    build dockyard "$workload" verdict-first package > /dev/null
  done
  for rep in $(seq 1 "$REPS"); do
    for workload in "${WORKLOADS[@]}"; do
      read -r ready engine < <(verdict_container "$(image_of dockyard "$workload")" "$(verdict_path "$workload")")
      build dockyard "$workload" "verdict-$rep" -o verify > /dev/null
      log="$WORK/logs/dockyard-$workload-verdict-$rep.log"
      verify="$(sed -n 's/.*PASS healthy: healthy after \([0-9.]*\)s.*/\1/p' "$log" | awk '{ printf "%.0f", $1 * 1000 }')"
      [ -n "$verify" ] || die "no 'PASS healthy' line in $log"
      echo "$workload,$rep,$ready,$engine,$verify,$(load)" >> "$csv"
      say "$workload rep $rep: ready $ready ms, engine healthy $engine ms, image:verify healthy $verify ms (load $(load))"
    done
  done
  python3 - "$csv" > "$WORK/verdict.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def col(workload, name):
    return [int(r[name]) for r in rows if r["workload"] == workload and r[name] not in ("", "timeout")]
def fmt(values):
    return f"{statistics.median(values):,.0f} ms ({min(values):,} – {max(values):,})" if values else "—"
print("| workload | service ready | engine reports healthy | image:verify: healthy | verdict − ready |")
print("| --- | ---: | ---: | ---: | ---: |")
for workload in dict.fromkeys(r["workload"] for r in rows):
    ready, engine, verify = col(workload, "ready_ms"), col(workload, "engine_ms"), col(workload, "verify_ms")
    gap = f"{statistics.median(verify) - statistics.median(ready):,.0f} ms" if ready and verify else "—"
    print(f"| `{workload}` | {fmt(ready)} | {fmt(engine)} | {fmt(verify)} | {gap} (goal: ≤ 1,000 ms) |")
loads = [float(r["load"]) for r in rows]
print(f"\n{len(rows) // max(1, len(set(r['workload'] for r in rows)))} repetitions each, interleaved, median (min – max);"
      f" load average {min(loads):.1f} to {max(loads):.1f}")
PY
  cat "$WORK/verdict.md"
}
