# Shell functions shared by the image benchmarks (sourced by every bench/*/run.sh), on top of it/lib.sh.
# shellcheck shell=bash

# shellcheck source=it/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../it/lib.sh"

# bytes → "12.3 MB" (decimal megabytes, as `docker image ls` counts)
bench_mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

# a / b with two decimals
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# size of an image as `docker image inspect` reports it
bench_image_size() { docker image inspect --format '{{.Size}}' "$1"; }

# The runtime modules a Dockyard build logged ("... (runtime modules: java.base,jdk.httpserver)"), from its log $1
bench_logged_modules() { sed -n 's/.*(runtime modules: \(.*\))$/\1/p' "$1" | head -n 1; }

# The physical floor of a service image, in three parts, printed as "JRE_BYTES LIB_BYTES APP_BYTES":
#   jlink of modules $1 with the java-service template's flags, measured inside builder image $3 (default
#   eclipse-temurin:17-jdk); every shared library ldd lists for that runtime's executables and .so files (sizes with
#   symlinks followed, the loader included); the files under the staged layer directory $2 (target/docker/layers).
bench_floor_parts() {
  local modules="$1" layers="$2" builder="${3:-eclipse-temurin:17-jdk}" app_bytes
  app_bytes="$(du -cb "$layers"/*/* | tail -n 1 | cut -f1)"
  # shellcheck disable=SC2016
  docker run --rm --label dev.dockyard.bench=floor --entrypoint sh "$builder" -c '
    jlink --add-modules "$1" --strip-debug --no-man-pages --no-header-files --compress=2 --output /tmp/floor >/dev/null
    find /tmp/floor -type f \( -name "*.so" -o -perm -u+x \) -exec ldd {} + 2>/dev/null \
      | sed -n -e "s/^[[:space:]]*[^ ]* => \(\/[^ ]*\) (0x.*/\1/p" -e "s/^[[:space:]]*\(\/[^ ]*\) (0x.*/\1/p" \
      | grep -v "^/tmp/floor/" | sort -u > /tmp/libs
    echo "$(du -sb /tmp/floor | cut -f1) $(xargs stat -L -c %s < /tmp/libs | awk "{ s += \$1 } END { print s }")"
  ' sh "$modules" | tr -d '\n'
  echo " $app_bytes"
}

# median, min and max of the numbers on stdin, printed as "MEDIAN MIN MAX"
bench_stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    print m, v[1], v[NR] }'
}
