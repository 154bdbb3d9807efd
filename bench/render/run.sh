#!/usr/bin/env bash
# Render micro-benchmark: copies the fixture's third-party jars, builds the JMH jar, runs it.
# Needs the plugin installed in the local repository first (from the repository root):
#   mvn -B -q install -DskipTests -pl image-maven-plugin -am
# Extra arguments go to JMH, e.g.  bench/render/run.sh unchanged -p modules=jdeps -f 1
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
mvn -B -q -f fixture/pom.xml generate-resources
mvn -B -q package
mkdir -p target
java -jar target/benchmarks.jar -rf json -rff target/jmh-result.json "$@" | tee target/jmh-result.txt
