#!/usr/bin/env bash
# After the invoker: no expected-failure case (invoker.buildResult = failure) failed by an unhandled exception.
# Every failure of a goal must be a MojoFailureException or MojoExecutionException with one clear message, so its
# build.log (run without -e) holds neither Maven's "Execution <id> of goal <goal> failed:" (what Maven prints for
# any other exception), a PluginExecutionException, docker-java's "Error during callback", an OutOfMemoryError, nor a
# Java stack frame (a line starting with a tab and "at ").
#
#   it/failure-logs.sh CASES_DIRECTORY...   (the invoker executions' clone directories)
set -uo pipefail
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"

[ "$#" -gt 0 ] || { say "usage: $0 CASES_DIRECTORY..."; exit 2; }
UNCLEAR='Execution .* failed:|PluginExecutionException|Error during callback|java\.lang\.(OutOfMemoryError|StackOverflowError)'
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
  if grep -Eq "$UNCLEAR" "$log"; then
    bad+=("$case: $(grep -Em1 "$UNCLEAR" "$log")")
  fi
  if grep -q $'^\tat ' "$log"; then
    bad+=("$case: a stack trace: $(grep -m1 $'^\tat ' "$log" | tr -d '\t')")
  fi
done
if [ "${#bad[@]}" -gt 0 ]; then
  say "ERROR: expected-failure cases failed by an unhandled exception instead of a clear message:"
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
say "$checked expected-failure cases failed with a clear message (no 'Execution ... failed:', no stack trace)"
