#!/usr/bin/env bash
# Part of the test command: every shell script of the project (it/, bench/, examples/, .ci/) passes shellcheck
# (Debian's package, installed when missing) with no finding at all, following what each script sources.
#
#   it/shellcheck.sh
set -euo pipefail
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$DOCKYARD_ROOT"

need_command shellcheck
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t scripts < <(git ls-files '*.sh' .ci/run)
else
  mapfile -t scripts < <(find . -path ./.git -prune -o -path '*/target' -prune -o -type f -name '*.sh' -print \
    | sort; echo .ci/run)
fi
[ "${#scripts[@]}" -gt 0 ] || die "no shell script found below $DOCKYARD_ROOT"
if shellcheck --external-sources --severity=style "${scripts[@]}"; then
  say "${#scripts[@]} shell scripts, no finding ($(shellcheck --version | sed -n 's/^version: //p'))"
else
  die "shellcheck found problems in the scripts above: fix them (or, where a finding is wrong, disable that one code on its line with a reason)"
fi
