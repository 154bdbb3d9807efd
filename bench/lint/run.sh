#!/usr/bin/env bash
# Lint benchmark: builds the plugin classes, then runs a warmed loop linting a 200-line Dockerfile.
# Usage: bench/lint/run.sh [Dockerfile] [warmup-iterations] [rounds] [iterations-per-round]
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mvn -B -q -pl image-maven-plugin compile
cp_file="$root/image-maven-plugin/target/bench-lint.classpath"
mvn -B -q -pl image-maven-plugin dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file"
cd "$here"
exec java -cp "$root/image-maven-plugin/target/classes:$(cat "$cp_file")" LintBench.java "${1:-Dockerfile.200}" "${@:2}"
