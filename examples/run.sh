#!/usr/bin/env bash
# Runs the main job on the bundled example reactor: builds Dockyard, then `mvn verify` on examples/shop, which
# renders, lints, builds and verifies an image per service, and prints where everything is.
#
# A Docker engine is found or started with it/engine.sh (it keeps running; `bash it/engine.sh stop` stops it).
# The services build on the plugin's default base images (eclipse-temurin:17-jdk for the builder stage; the final
# stage starts from scratch). When they cannot be pulled (no registry reachable), faithful stand-ins are built
# under the same names from Debian's packages with it/upstream-bases.sh (debootstrap, Debian's JDK), the build runs
# with image.pull=never, and the run says so.
set -euo pipefail
SAY_PREFIX=example
# shellcheck source=it/lib.sh
. "$(dirname "$0")/../it/lib.sh"
cd "$DOCKYARD_ROOT"

say "building Dockyard"
mvn -B -q install -DskipTests -pl image-maven-plugin -am

DOCKER_HOST="$(bash it/engine.sh start)"
export DOCKER_HOST
say "Docker engine: $DOCKER_HOST"

args=()
builder="eclipse-temurin:17-jdk"
if ! { docker image inspect "$builder" >/dev/null 2>&1 || timeout 120 docker pull -q "$builder" >/dev/null 2>&1; }; then
  say "$builder cannot be pulled here: building a faithful stand-in of it from Debian's packages"
  bash it/upstream-bases.sh
  args=(-Dimage.pull=never)
fi

mvn -B -f examples/shop/pom.xml verify "${args[@]}"

echo
say "results"
for service in orders-service billing-service; do
  dir="examples/shop/$service/target"
  echo "  $service"
  echo "    Dockerfile:     $dir/docker/Dockerfile"
  echo "    image id:       $(cat "$dir/docker/image-id")"
  echo "    image:          $(docker image inspect --format '{{index .RepoTags 0}} ({{.Size}} bytes)' "$(cat "$dir/docker/image-id")")"
  echo "    reports:        $dir/image-reports/ ($(find "$dir/image-reports" -mindepth 1 -maxdepth 1 -printf '%f ' | sort))"
done
