#!/usr/bin/env bash
# Module-scan benchmark: the class-file scan of one service module against jdeps on the same jars, side by side in
# one JVM (see ScanBench.java). Uses the third-party jars of bench/render's fixture (a Spring Boot web + actuator
# classpath) and the plugin classes of this checkout (compiled, not installed).
# Usage: bench/scan/run.sh [rounds, default 7] [warm-up rounds, default 2]
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/../lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn -B -q -f "$here/../render/fixture/pom.xml" generate-resources
mvn -B -q -f "$root/pom.xml" -pl image-maven-plugin compile
asm_version="$(sed -n 's:.*<asmVersion>\(.*\)</asmVersion>.*:\1:p' "$root/pom.xml")"
repository="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}/org/ow2/asm"
asm="$repository/asm/$asm_version/asm-$asm_version.jar:$repository/asm-commons/$asm_version/asm-commons-$asm_version.jar"
asm="$asm:$repository/asm-tree/$asm_version/asm-tree-$asm_version.jar"
rm -rf "$here/target"
mkdir -p "$here/target"
java -cp "$root/image-maven-plugin/target/classes:$asm" "$here/ScanBench.java" \
  "$here/../render/target/fixture/lib" "$here/target/work" "$@" | tee "$here/target/result.txt"
