#!/usr/bin/env bash
# A second, independent reading of Dockyard's SBOMs: the CycloneDX project's own JavaScript library
# (@cyclonedx/cyclonedx-library, its strict JSON validator on ajv) checks each file against the schema of the
# specVersion it declares. npm installs the pinned packages once into it/target/npm-cyclonedx (Debian's nodejs and
# npm are installed when missing); prints one line per file and fails on the first invalid one.
#
#   it/sbom-validate.sh target/image-reports/sbom.cdx.json [more.cdx.json ...]
set -euo pipefail
SAY_PREFIX=sbom-validate
# shellcheck source=it/lib.sh
. "$(dirname "$0")/lib.sh"
trace_failures

[ "$#" -gt 0 ] || die "usage: $0 FILE.cdx.json..."
need_command node nodejs
need_command npm
dir="$DOCKYARD_ROOT/it/target/npm-cyclonedx"
packages=(@cyclonedx/cyclonedx-library@10.3.0 ajv@8.17.1 ajv-formats@3.0.1 ajv-formats-draft2019@1.6.1)
if [ ! -f "$dir/installed" ] || [ "$(cat "$dir/installed")" != "${packages[*]}" ]; then
  mkdir -p "$dir"
  say "npm install ${packages[*]} into it/target/npm-cyclonedx"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "${packages[@]}" >&2
  echo "${packages[*]}" > "$dir/installed"
fi
cat > "$dir/validate.js" <<'JS'
const fs = require('fs');
const CDX = require('@cyclonedx/cyclonedx-library');
(async () => {
  for (const file of process.argv.slice(2)) {
    const text = fs.readFileSync(file, 'utf8');
    const version = JSON.parse(text).specVersion;
    const errors = await new CDX.Validation.JsonStrictValidator(version).validate(text);
    if (errors !== null) {
      console.log('INVALID CycloneDX ' + version + ': ' + file + ': ' + JSON.stringify(errors));
      process.exit(1);
    }
    console.log('valid CycloneDX ' + version + ' (@cyclonedx/cyclonedx-library ' + require(
      '@cyclonedx/cyclonedx-library/package.json').version + '): ' + file);
  }
})().catch(e => { console.log('could not validate: ' + e.message); process.exit(2); });
JS
NODE_PATH="$dir/node_modules" node "$dir/validate.js" "$@"
