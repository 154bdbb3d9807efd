#!/usr/bin/env bash
# After the invoker: no expected-failure case (invoker.buildResult = failure) failed by an unhandled exception.
# Every failure of a goal must be a MojoFailureException or MojoExecutionException with one clear message, so its
# build.log (run without -e) holds neither Maven's "Execution <id> of goal <goal> failed:" (what Maven prints for
# any other exception) nor a Java stack frame (a line starting with a tab and "at ").
#
#   it/failure-logs.sh CASES_DIRECTORY...   (the invoker executions' clone directories)
set -uo pipefail

[ "$#" -gt 0 ] || { echo "usage: $0 CASES_DIRECTORY..." >&2; exit 2; }
bad=()
checked=0
for properties in $(for dir in "$@"; do ls "$dir"/*/invoker.properties 2> /dev/null; done); do
  [ -f "$properties" ] || continue
  grep -Eq '^[[:space:]]*invoker\.buildResult[[:space:]]*=[[:space:]]*failure' "$properties" || continue
  dir="$(dirname "$properties")"
  case="$(basename "$dir")"
  log="$dir/build.log"
  [ -f "$log" ] || continue # not run (skipped or not selected)
  checked=$((checked + 1))
  if grep -Eq 'Execution .* failed:' "$log"; then
    bad+=("$case: $(grep -Em1 'Execution .* failed:' "$log")")
  fi
  if grep -q $'^\tat ' "$log"; then
    bad+=("$case: a stack trace: $(grep -m1 $'^\tat ' "$log" | tr -d '\t')")
  fi
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "[failure-logs] ERROR: expected-failure cases failed by an unhandled exception instead of a clear message:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "[failure-logs] $checked expected-failure cases failed with a clear message (no 'Execution ... failed:', no stack trace)"
