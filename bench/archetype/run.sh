#!/usr/bin/env bash
# Benchmark: the image of a service generated from service-archetype, built by its own `mvn verify` with the
# default jlink template on the stand-in bases; prints its size next to the runtime base's and the layers'.
#
#   bench/archetype/run.sh
#
# Needs: `mvn install` of this repository (plugin + archetype in the local repository), a Docker engine
# (DOCKER_HOST, see it/engine.sh) and the stand-in base images (it/base-images.sh). Work files: bench/target/.
# Other bases: DOCKYARD_BUILDER_IMAGE, DOCKYARD_RUNTIME_IMAGE; extra Maven arguments (e.g. another local
# repository): BENCH_MAVEN_ARGS.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# the project's version: the first <version> of the root POM (it has no parent)
VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)"
BUILDER="${DOCKYARD_BUILDER_IMAGE:-dockyard-test/jdk:17}"
RUNTIME="${DOCKYARD_RUNTIME_IMAGE:-dockyard-test/runtime:17}"
WORK="$ROOT/bench/target/archetype"

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
mvn -B -q ${BENCH_MAVEN_ARGS:-} archetype:generate -DarchetypeGroupId=dev.dockyard -DarchetypeArtifactId=service-archetype \
  -DarchetypeVersion="$VERSION" -DarchetypeCatalog=local \
  -DgroupId=bench -DartifactId=bench-service -Dpackage=bench.service
cd bench-service
mvn -B -q ${BENCH_MAVEN_ARGS:-} verify -Dimage.builderImage="$BUILDER" -Dimage.runtimeImage="$RUNTIME" -Dimage.pull=never \
  -Dimage.tags=bench

image="bench-service:bench"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
size="$(docker image inspect -f '{{.Size}}' "$image")"
base="$(docker image inspect -f '{{.Size}}' "$RUNTIME")"
jar="$(stat -c %s target/bench-service-1.0-SNAPSHOT.jar)"
echo "image $image: $(mb "$size") (runtime base $RUNTIME: $(mb "$base"), application jar: $jar bytes)"
echo "runtime modules: $(sed -n 's/^RUN jlink --add-modules \([^ ]*\).*/\1/p' target/docker/Dockerfile)"
echo "layers (size, instruction):"
docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$image" | awk -F'\t' '$1 != "0B"' | cut -c1-110
