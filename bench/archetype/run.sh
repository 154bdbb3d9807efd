#!/usr/bin/env bash
# Benchmark: the image of a service generated from service-archetype, built by its own `mvn verify` with the
# default jlink template (java-service); prints its size on the stand-in runtime base (C libraries, busybox, user
# database: no Java) and, for comparison, on the stand-in JRE base (the same with a Java runtime of its own, which
# the template's runtime overlays), with the layers.
#
#   bench/archetype/run.sh
#
# Needs: `mvn install` of this repository (plugin + archetype in the local repository) and a Docker engine
# (DOCKER_HOST, see it/engine.sh); the stand-in bases are built by it/base-images.sh when missing. Work files:
# bench/target/archetype/. Extra Maven arguments (e.g. another local repository): BENCH_MAVEN_ARGS.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# the project's version: the first <version> of the root POM (it has no parent)
VERSION="$(awk -F'[<>]' '/^  <version>/ { print $3; exit }' "$ROOT/pom.xml")"
BUILDER=dockyard-test/jdk:17
RUNTIME=dockyard-test/base:17
JRE=dockyard-test/jre:17
WORK="$ROOT/bench/target/archetype"

rm -rf "$WORK"
mkdir -p "$WORK"
bash "$ROOT/it/base-images.sh" "$WORK/base-images"
cd "$WORK"
# more Maven arguments, split on spaces (e.g. "-o -Dmaven.repo.local=...")
read -r -a EXTRA <<< "${BENCH_MAVEN_ARGS:-}"
mvn -B -q "${EXTRA[@]}" archetype:generate -DarchetypeGroupId=dev.dockyard \
  -DarchetypeArtifactId=service-archetype -DarchetypeVersion="$VERSION" -DarchetypeCatalog=local \
  -DgroupId=bench -DartifactId=bench-service -Dpackage=bench.service
cd bench-service

measure() { # runtime base, tag
  mvn -B -q "${EXTRA[@]}" verify -Dimage.builderImage="$BUILDER" -Dimage.runtimeImage="$1" \
    -Dimage.pull=never -Dimage.tags="$2"
  local image="bench-service:$2"
  echo "image $image on $1 ($(bench_mb "$(docker image inspect -f '{{.Size}}' "$1")")):" \
    "$(bench_mb "$(docker image inspect -f '{{.Size}}' "$image")"); all image:verify checks passed"
  docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$image" | awk -F'\t' '$1 != "0B"' | cut -c1-100 \
    | sed 's/^/    /'
}
measure "$RUNTIME" bench
measure "$JRE" bench-on-jre
echo "runtime modules: $(sed -n 's/^RUN jlink --add-modules \([^ ]*\).*/\1/p' target/docker/Dockerfile)," \
  "application jar: $(stat -c %s target/bench-service-1.0-SNAPSHOT.jar) bytes"
