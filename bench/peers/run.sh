#!/usr/bin/env bash
# Dockyard side by side with its peers, Jib (jib-maven-plugin) and fabric8 (docker-maven-plugin, Dockerfile mode),
# on the real Docker engine and the faithful stand-ins of the default bases (it/upstream-bases.sh). Results in
# docs/benchmarks.md, section "Against the peers: Jib and fabric8".
#
# Tools: dockyard (image.assembler=auto, the default: Dockyard writes the final stage), jib, fabric8, and
# dockyard-engine (image.assembler=engine: the engine builds every stage, as before the assembler).
# Workloads: orders (examples/shop, module orders-service) and boot (a Spring Boot 4 web + actuator + data-jpa
# service: it/src/it/spring-boot's sources, it/src/it/verify-spring-boot-4's POM). Each tool builds its own copy
# under target/workloads/ (bench/peers/workload.py writes the peers' POM configuration there).
#
# Usage: bench/peers/run.sh size|rebuild|repro|reactor|verdict|startup|all [REPS]   (REPS: runs of each timed figure, default 5)
#   size     one build per tool: image sizes against the physical floor and against Jib's image
#   rebuild  a string constant of one class changed, REPS rounds interleaved (dockyard, jib, fabric8,
#            dockyard-engine, dockyard, ...): bytes of the layers the old image lacks, against the application layer;
#            bytes the engine received; wall time against Jib's
#   repro    `mvn clean package` + image build twice: same image id? Then the same build on a fresh engine (a
#            second dockerd, own data root, socket and bridge): which layers keep their diff ID, and why not
#   reactor  bench/reactor/run.sh with JIB=1 on generated reactors (PEERS_REACTOR, default
#            "10:REPS:rerun,clean 100:REPS:rerun,clean 500:1:rerun"): Dockyard bound / skipped / unbound, Jib
#            bound / skipped
#   verdict  time to verdict (bench/peers/verdict.sh): Dockyard's images of both workloads, REPS repetitions: when
#            the service is ready, when the engine reports it healthy, when image:verify says healthy
#   startup  start to first 2xx and RSS once ready of the boot workload with each image.startupCache setting and
#            Jib's image, REPS interleaved runs, one CPU per container (bench/peers/startup.sh)
#   all      size rebuild repro reactor verdict startup
# Markdown tables go to stdout (and target/*.md), raw figures to target/*.csv. The plugin is installed from this
# checkout into a private local repository (target/m2, a copy of ~/.m2/repository), which every build uses; set
# PEERS_NO_INSTALL=1 to use the plugin already there; PEERS_TOOLS="dockyard jib" runs rebuild and repro with those
# tools only. Needs root for the second engine (repro).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
REPO="$WORK/m2"
REPS="${2:-5}"
# PEERS_TOOLS: the tools rebuild and repro run, in this order (default all four)
read -ra TOOLS <<< "${PEERS_TOOLS:-dockyard jib fabric8 dockyard-engine}"
WORKLOADS=(orders boot)
FABRIC8_VERSIONS=(0.48.0 0.46.0 0.45.1)
BASES=(debian:bookworm-slim eclipse-temurin:17-jdk eclipse-temurin:17-jre)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export SAY_PREFIX=peers # read by the sourced libraries' say
# shellcheck source=bench/peers/verdict.sh
. "$HERE/verdict.sh"
# shellcheck source=bench/peers/startup.sh
. "$HERE/startup.sh"

export DOCKER_HOST="${DOCKER_HOST:-$(bash "$ROOT/it/engine.sh" start)}"
export DOCKER_BUILDKIT=0
MAIN_ENGINE="$DOCKER_HOST"

# --- set-up ---------------------------------------------------------------------------------------------------------

prepare() {
  mkdir -p "$WORK/logs" "$WORK/images"
  # every image id a build of this run printed: removed at exit (with the untagged parents only they use)
  : > "$WORK/built-ids.txt"
  if [ ! -d "$REPO" ]; then
    say "copying the local repository to $REPO"
    cp -a "${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}" "$REPO"
  fi
  if [ -z "${PEERS_NO_INSTALL:-}" ]; then
    say "installing the plugin from this checkout into $REPO"
    mvn -B -q -f "$ROOT/pom.xml" install -DskipTests -pl image-maven-plugin -am -Dmaven.repo.local="$REPO" \
      > "$WORK/logs/install.log" 2>&1 || { tail -n 40 "$WORK/logs/install.log" >&2; exit 1; }
  fi
  bash "$ROOT/it/upstream-bases.sh" "$WORK/upstream-bases" 2> "$WORK/logs/upstream-bases.log" \
    || { tail -n 20 "$WORK/logs/upstream-bases.log" >&2; exit 1; }
  FABRIC8_VERSION=""
  local v
  for v in "${FABRIC8_VERSIONS[@]}"; do
    if mvn -B -q dependency:get -Dartifact="io.fabric8:docker-maven-plugin:$v" -Dmaven.repo.local="$REPO" \
        > "$WORK/logs/fabric8-$v.log" 2>&1; then
      FABRIC8_VERSION="$v"
      break
    fi
  done
  [ -n "$FABRIC8_VERSION" ] || die "no docker-maven-plugin version of ${FABRIC8_VERSIONS[*]} resolves (logs/fabric8-*.log)"
  write_jib_docker
  record_environment
}

record_environment() {
  {
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "engine: $(docker version --format 'Docker Engine {{.Server.Version}} (API {{.Server.APIVersion}})'), $(docker info --format '{{.Driver}}'), classic builder"
    echo "docker CLI: $(docker version --format '{{.Client.Version}}')"
    echo "JDK: $(java -version 2>&1 | head -n 2 | tail -n 1)"
    echo "Maven: $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
    echo "jib-maven-plugin 3.5.2, docker-maven-plugin $FABRIC8_VERSION"
  } > "$WORK/environment.txt"
  cat "$WORK/environment.txt" >&2
}

# The docker CLI Jib runs (jib.dockerClient.executable): the real one, except that `docker load` reads Jib's image
# tar through dd, whose summary line ("N bytes ... copied") goes to $WORK/jib-load.txt
JIB_DOCKER="$WORK/jib-docker"
write_jib_docker() {
  local docker
  docker="$(command -v docker)"
  cat > "$JIB_DOCKER" <<EOF
#!/usr/bin/env bash
if [ "\${1:-}" = load ]; then
  set -o pipefail
  dd bs=1M 2>> '$WORK/jib-load.txt' | '$docker' "\$@"
else
  exec '$docker' "\$@"
fi
EOF
  chmod +x "$JIB_DOCKER"
}

# the copy of workload $2 for tool $1
dir_of() { echo "$WORK/workloads/$1-$2"; }
# the POM a build of workload $2 of tool $1 runs, and the module directory the image is made from
pom_args() {
  case "$2" in
    orders) echo "-f $(dir_of "$1" "$2")/shop/pom.xml -pl orders-service -am" ;;
    boot) echo "-f $(dir_of "$1" "$2")/boot/pom.xml" ;;
  esac
}
module_of() {
  case "$2" in
    orders) echo "$(dir_of "$1" "$2")/shop/orders-service" ;;
    boot) echo "$(dir_of "$1" "$2")/boot" ;;
  esac
}
image_of() { echo "dockyard-bench/peers-$1-$2:bench"; }
# the goals each tool's build runs: Dockyard's are bound to package, the peers' are named on the command line
goals_of() {
  case "$1" in
    dockyard|dockyard-engine) echo "package" ;;
    jib) echo "package jib:dockerBuild -Djib.dockerClient.executable=$JIB_DOCKER" ;;
    fabric8) echo "package docker:build" ;;
  esac
}
# paths (in the image) of the layer that holds the module's own classes
app_regex() {
  case "$1/$2" in
    dockyard*/*) echo '^app/app/' ;;
    jib/*) echo '^app/classes/' ;;
    fabric8/orders) echo '^app/app\.jar$' ;;
    fabric8/boot) echo '^application/BOOT-INF/classes/' ;;
  esac
}

setup_workloads() {
  local tool workload
  for tool in "${TOOLS[@]}"; do
    for workload in "${WORKLOADS[@]}"; do
      python3 "$HERE/workload.py" "$tool" "$workload" "$ROOT" "$(dir_of "$tool" "$workload")" "$FABRIC8_VERSION"
    done
  done
}

# runs Maven for tool $1, workload $2, log name $3, then the goals and flags $4...; prints the image id. With
# TIMED=1, "WALL CPU" of the Maven process go to $WORK/time.txt.
build() {
  local tool="$1" workload="$2" name="$3" log
  shift 3
  log="$WORK/logs/$tool-$workload-$name.log"
  local -a cmd
  # shellcheck disable=SC2207
  cmd=(timeout "${PEERS_BUILD_TIMEOUT:-1800}" mvn -B -Dmaven.repo.local="$REPO" $(pom_args "$tool" "$workload") "$@")
  echo "${cmd[*]}" > "$log"
  # what engine_bytes reads afterwards is this build's
  touch "$WORK/build-start"
  rm -f "$WORK/jib-load.txt"
  if [ -n "${TIMED:-}" ]; then
    /usr/bin/time -o "$WORK/time.txt" -f '%e %U %S' "${cmd[@]}" >> "$log" 2>&1 \
      || { tail -n 40 "$log" >&2; die "build failed: $log"; }
  else
    "${cmd[@]}" >> "$log" 2>&1 || { tail -n 40 "$log" >&2; die "build failed: $log"; }
  fi
  docker image inspect --format '{{.Id}}' "${IMAGE:-$(image_of "$tool" "$workload")}" | tee -a "$WORK/built-ids.txt"
}

# The bytes the engine received from the last build of tool $1, workload $2, logged in $3: for Dockyard what its log
# says it sent (the earlier stages' contexts and the assembled layers, or the whole context with the engine building
# the final stage; as the log rounds them), for Jib the image tar it piped to `docker load`, for fabric8 its context
# tar (written under target/docker).
engine_bytes() {
  case "$1" in
    dockyard*)
      awk '
        function bytes(s,   n, u) {
          n = s; sub(/ .*/, "", n); u = s; sub(/^[0-9.]+ /, "", u)
          return n * (u == "kB" ? 1e3 : u == "MB" ? 1e6 : u == "GB" ? 1e9 : u == "TB" ? 1e12 : 1)
        }
        / Building stage .* on the engine: sending [0-9]+ files, [0-9.]+ [kMGT]?B$/ ||
        / Sending build context .*: [0-9]+ files, [0-9.]+ [kMGT]?B$/ { s = $0; sub(/.* files, /, "", s); sum += bytes(s); n++ }
        / Assembled the final stage: .* sent to the engine \([0-9.]+ [kMGT]?B\)/ {
          s = $0; sub(/.* sent to the engine \(/, "", s); sub(/\).*/, "", s); sum += bytes(s); n++
        }
        END {
          if (!n) exit 1
          printf "%d\n", sum
        }' "$3" || die "no line of the image build saying what it sent to the engine in $3" ;;
    jib)
      [ -s "$WORK/jib-load.txt" ] || die "Jib did not run docker load through $JIB_DOCKER ($3)"
      awk '/ bytes .* copied/ { sum += $1 } END { printf "%d\n", sum }' "$WORK/jib-load.txt" ;;
    fabric8)
      find "$(module_of "$1" "$2")/target/docker" -name docker-build.tar -newer "$WORK/build-start" -printf '%s\n' \
        | awk '{ sum += $1; n++ } END { if (!n) exit 1; printf "%d\n", sum }' \
        || die "no docker-build.tar of this build under $(module_of "$1" "$2")/target/docker ($3)" ;;
  esac
}

# the layers of image $1 as bench/peers/layers.py reads them from `docker save` (cached by image id and engine)
layers_of() {
  local file
  file="$WORK/images/$(echo "$DOCKER_HOST" | md5sum | cut -c1-8)-${1#sha256:}.json"
  [ -s "$file" ] || docker save "$1" | python3 "$HERE/layers.py" dump > "$file"
  echo "$file"
}

# edits a string constant in one class of the application: revision $3
edit_class() {
  local file from to
  case "$2" in
    orders)
      file="$(module_of "$1" "$2")/src/main/java/dev/dockyard/example/orders/OrdersService.java"
      from='"orders-service starting[^"]*"'; to="\"orders-service starting (revision $3)\"" ;;
    boot)
      file="$(module_of "$1" "$2")/src/main/java/it/boot/Application.java"
      from='new Greeting\("hello[^"]*"\)'; to="new Greeting(\"hello, revision $3\")" ;;
  esac
  sed -i -E "s/$from/$to/" "$file"
  grep -qE "revision $3[)\"]" "$file" || die "could not edit $file"
}

load() { cut -d' ' -f1 /proc/loadavg; }

# --- 1. size ----------------------------------------------------------------------------------------------------------

figure_size() {
  setup_workloads
  local csv="$WORK/size.csv" workload
  echo "workload,image,bytes" > "$csv"
  {
    echo "| workload | image | size | × floor | × Jib |"
    echo "| --- | --- | ---: | ---: | ---: |"
  } > "$WORK/size.md"
  for workload in "${WORKLOADS[@]}"; do
    local id_default id_debian id_jib id_fabric8 modules jre lib app floor jib_bytes bytes label
    id_default="$(build dockyard "$workload" size-java-service package)"
    modules="$(bench_logged_modules "$WORK/logs/dockyard-$workload-size-java-service.log")"
    [ -n "$modules" ] || die "no 'runtime modules' line in logs/dockyard-$workload-size-java-service.log"
    read -r jre lib app < <(bench_floor_parts "$modules" "$(module_of dockyard "$workload")/target/docker/layers")
    floor=$((jre + lib + app))
    id_debian="$(IMAGE="dockyard-bench/peers-dockyard-$workload:bench-debian" build dockyard "$workload" \
      size-java-service-debian package -Dimage.template=java-service-debian -Dimage.tags=bench-debian)"
    id_jib="$(build jib "$workload" size package jib:dockerBuild)"
    id_fabric8="$(build fabric8 "$workload" size package docker:build)"
    jib_bytes="$(bench_image_size "$id_jib")"
    echo "$workload,floor,$floor" >> "$csv"
    echo "| $workload | physical floor: jlinked runtime ($modules) + C libraries + jars | $(bench_mb "$floor") ($(bench_mb "$jre") + $(bench_mb "$lib") + $(bench_mb "$app")) | 1.00 | $(bench_ratio "$floor" "$jib_bytes") |" >> "$WORK/size.md"
    for label in "dockyard java-service:$id_default" "dockyard java-service-debian:$id_debian" \
        "jib on eclipse-temurin:17-jre:$id_jib" "fabric8, typical Dockerfile:$id_fabric8"; do
      bytes="$(bench_image_size "${label##*:sha256:}")"
      echo "$workload,${label%%:sha256:*},$bytes" >> "$csv"
      echo "| $workload | ${label%%:sha256:*} | $(bench_mb "$bytes") | $(bench_ratio "$bytes" "$floor") | $(bench_ratio "$bytes" "$jib_bytes") |" >> "$WORK/size.md"
    done
  done
  cat "$WORK/size.md"
}

# --- 2. rebuild after a one-class change --------------------------------------------------------------------------------

figure_rebuild() {
  setup_workloads
  local csv="$WORK/rebuild.csv" workload tool rep
  echo "workload,tool,rep,wall,cpu,new_bytes,new_layers,app_bytes,engine_bytes,load" > "$csv"
  declare -A last
  for workload in "${WORKLOADS[@]}"; do
    for tool in "${TOOLS[@]}"; do
      # untimed priming build, online: the old image, every cache warm
      # shellcheck disable=SC2046
      last[$tool$workload]="$(layers_of "$(build "$tool" "$workload" rebuild-prime $(goals_of "$tool"))")"
    done
  done
  for rep in $(seq 1 "$REPS"); do
    for workload in "${WORKLOADS[@]}"; do
      for tool in "${TOOLS[@]}"; do
        local id new wall user sys sent
        edit_class "$tool" "$workload" "$rep"
        # shellcheck disable=SC2046
        id="$(TIMED=1 build "$tool" "$workload" "rebuild-$rep" -o $(goals_of "$tool"))"
        read -r wall user sys < "$WORK/time.txt"
        sent="$(engine_bytes "$tool" "$workload" "$WORK/logs/$tool-$workload-rebuild-$rep.log")"
        new="$(layers_of "$id")"
        read -r new_bytes new_layers app_bytes < <(python3 "$HERE/layers.py" new "${last[$tool$workload]}" "$new" "$(app_regex "$tool" "$workload")")
        last[$tool$workload]="$new"
        echo "$workload,$tool,$rep,$wall,$(echo "$user + $sys" | bc),$new_bytes,$new_layers,$app_bytes,$sent,$(load)" >> "$csv"
        printf '%-7s %-15s rep %d: %6.1f s wall, %8d new bytes in %d layers (application layer %d), engine received %d  load %s\n' \
          "$workload" "$tool" "$rep" "$wall" "$new_bytes" "$new_layers" "$app_bytes" "$sent" "$(load)" >&2
      done
    done
  done
  python3 "$HERE/tables.py" rebuild "$csv" > "$WORK/rebuild.md"
  cat "$WORK/rebuild.md"
}

# --- 3. reproducibility -------------------------------------------------------------------------------------------------

ENGINE2="$WORK/engine2"
ENGINE2_HOST=""

engine2_start() {
  PATH="$PATH:/usr/sbin"
  command -v dockerd >/dev/null || die "no dockerd: the fresh-engine half of repro needs it"
  engine2_stop
  mkdir -p "$ENGINE2/state" "$ENGINE2/data"
  STATE="$ENGINE2/state"
  local bridge run pid
  # its own bridge: --bridge none would make dockerd delete the host's docker0, which the main engine uses
  bridge="$(make_bridge dypeers)" || die "could not create a bridge interface"
  # socket and exec root (containerd's socket lives there): the paths must stay short
  run="$(mktemp -d /tmp/dypeers.XXXXXX)"
  echo "$run" > "$STATE/run"
  say "starting a second dockerd at unix://$run/docker.sock, bridge $bridge, data $ENGINE2/data"
  setsid dockerd --host "unix://$run/docker.sock" --data-root "$ENGINE2/data" --exec-root "$run/exec" \
    --pidfile "$run/docker.pid" --storage-driver overlay2 --bridge "$bridge" --iptables=false --ip-masq=false \
    --containerd-namespace dypeers --containerd-plugins-namespace dypeers-plugins \
    >> "$ENGINE2/dockerd.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$STATE/pid"
  ENGINE2_HOST="unix://$run/docker.sock"
  local waited=0
  until timeout 10 docker --host "$ENGINE2_HOST" version >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -n 5 "$ENGINE2/dockerd.log" >&2; die "the second dockerd exited while starting"; }
    waited=$((waited + 1))
    [ "$waited" -lt 60 ] || die "the second dockerd did not answer within 60 s"
    sleep 1
  done
  say "loading ${BASES[*]} into it (docker save | docker load: the same image ids)"
  docker save "${BASES[@]}" | timeout 600 docker --host "$ENGINE2_HOST" load > /dev/null
  local base
  for base in "${BASES[@]}"; do
    [ "$(docker image inspect --format '{{.Id}}' "$base")" = \
      "$(docker --host "$ENGINE2_HOST" image inspect --format '{{.Id}}' "$base")" ] || die "$base has another id there"
  done
}

# stops the second dockerd by its pid, removes its bridge, data root and run directory
engine2_stop() {
  local state="$ENGINE2/state" pid
  [ -d "$state" ] || return 0
  if [ -f "$state/pid" ]; then
    pid="$(cat "$state/pid")"
    rm -f "$state/pid"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      if kill -0 "$pid" 2>/dev/null; then say "the second dockerd (pid $pid) did not stop in 30 s: killing it"; kill -KILL "$pid"; sleep 1; fi
      say "stopped the second dockerd (pid $pid)"
    fi
  fi
  if [ -f "$state/bridge" ]; then
    ip link delete "$(cat "$state/bridge")" 2>/dev/null && say "removed bridge $(cat "$state/bridge")"
    rm -f "$state/bridge"
  fi
  if [ -f "$state/run" ]; then rm -rf "$(cat "$state/run")"; rm -f "$state/run"; fi
  rm -rf "$ENGINE2/data"
}

figure_repro() {
  setup_workloads
  local csv="$WORK/repro.csv" workload tool
  echo "workload,tool,first,second,fresh,layers,kept" > "$csv"
  declare -A first second
  for workload in "${WORKLOADS[@]}"; do
    for tool in "${TOOLS[@]}"; do
      # shellcheck disable=SC2046
      build "$tool" "$workload" repro-prime $(goals_of "$tool") > /dev/null
      # shellcheck disable=SC2046
      first[$tool$workload]="$(build "$tool" "$workload" repro-1 -o clean $(goals_of "$tool"))"
      # shellcheck disable=SC2046
      second[$tool$workload]="$(build "$tool" "$workload" repro-2 -o clean $(goals_of "$tool"))"
    done
  done
  engine2_start
  {
    echo "| workload | tool | image id after \`mvn clean\` + rebuild, same engine | on a fresh engine: image id | layers keeping their diff ID | why the others differ |"
    echo "| --- | --- | --- | --- | --- | --- |"
  } > "$WORK/repro.md"
  : > "$WORK/repro-layers.md"
  for workload in "${WORKLOADS[@]}"; do
    for tool in "${TOOLS[@]}"; do
      local main fresh_id fresh cmp kept total why
      main="$(layers_of "${second[$tool$workload]}")"
      # shellcheck disable=SC2046
      fresh_id="$(DOCKER_HOST="$ENGINE2_HOST" build "$tool" "$workload" repro-fresh -o clean $(goals_of "$tool"))"
      fresh="$(DOCKER_HOST="$ENGINE2_HOST" layers_of "$fresh_id")"
      cmp="$WORK/repro-$tool-$workload.tsv"
      python3 "$HERE/layers.py" compare "$main" "$fresh" > "$cmp"
      total="$(tail -n +2 "$cmp" | wc -l)"
      kept="$(tail -n +2 "$cmp" | awk -F'\t' '$4 == "same"' | wc -l)"
      why="$(tail -n +2 "$cmp" | awk -F'\t' '$4 != "same" { printf "%slayer %s (%s, %s B): %s", sep, $1, $3, $2, $5; sep = "; " }')"
      echo "$workload,$tool,${first[$tool$workload]},${second[$tool$workload]},$fresh_id,$total,$kept" >> "$csv"
      echo "| $workload | $tool | $([ "${first[$tool$workload]}" = "${second[$tool$workload]}" ] && echo same || echo "different") | $([ "$fresh_id" = "${second[$tool$workload]}" ] && echo same || echo different) | $kept of $total | ${why:-—} |" >> "$WORK/repro.md"
      { echo; echo "$workload, $tool: main engine vs fresh engine"; echo; sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$cmp" | sed '1a | --- | ---: | --- | --- | --- |'; } >> "$WORK/repro-layers.md"
    done
  done
  engine2_stop
  cat "$WORK/repro.md" "$WORK/repro-layers.md"
}

# --- 4. reactor -----------------------------------------------------------------------------------------------------------

figure_reactor() {
  local spec n reps modes mode
  local -a done_csv=()
  for spec in ${PEERS_REACTOR:-10:$REPS:rerun,clean 100:$REPS:rerun,clean 500:1:rerun}; do
    IFS=: read -r n reps modes <<< "$spec"
    for mode in ${modes//,/ }; do
      say "reactor: $n modules, $reps runs, $mode"
      JIB=1 BENCH_REPO="$REPO" bash "$ROOT/bench/reactor/run.sh" "$n" "$reps" "$mode" | tee "$WORK/reactor-$mode-$n.txt"
      cp "$ROOT/bench/reactor/target/results-$mode-$n.csv" "$WORK/reactor-$mode-$n.csv"
      done_csv+=("$WORK/reactor-$mode-$n.csv")
    done
  done
  python3 "$HERE/tables.py" reactor "${done_csv[@]}" > "$WORK/reactor.md"
  cat "$WORK/reactor.md"
}

# --- clean-up ----------------------------------------------------------------------------------------------------------

cleanup() {
  engine2_stop || true
  docker ps -aq --filter "label=$VERDICT_LABEL" | xargs -r docker rm -f > /dev/null 2>&1 || true
  docker ps -aq --filter "label=$STARTUP_LABEL" | xargs -r docker rm -f > /dev/null 2>&1 || true
  [ -z "${PEERS_KEEP_IMAGES:-}" ] || return 0
  DOCKER_HOST="$MAIN_ENGINE"
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^dockyard-bench/(peers|reactor)-' \
    | xargs -r docker image rm -f > /dev/null 2>&1 || true
  # the images this run built whose tag moved on; only those: the engine may be shared, and a dangling image can be
  # another build's current step. Build-stage images stay in the build cache (`docker image prune` removes them).
  if [ -f "$WORK/built-ids.txt" ]; then
    sort -u "$WORK/built-ids.txt" | xargs -r docker image rm > /dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  size|rebuild|repro|reactor|verdict|startup|all) ;;
  *) sed -n '2,/^set -euo/p' "$0" | grep '^#' >&2; exit 2 ;;
esac
trap cleanup EXIT
prepare
case "$1" in
  size) figure_size ;;
  rebuild) figure_rebuild ;;
  repro) figure_repro ;;
  reactor) figure_reactor ;;
  verdict) figure_verdict ;;
  startup) figure_startup ;;
  all) figure_size; figure_rebuild; figure_repro; figure_reactor; figure_verdict; figure_startup ;;
esac
