#!/usr/bin/env python3
"""The push figures of bench/push/run.sh as a Markdown table: medians and spread (min-max) over the rounds.

  table.py push.csv
"""
import csv
import statistics
import sys
from collections import defaultdict

rows = defaultdict(list)
for row in csv.DictReader(open(sys.argv[1])):
    rows[row["tool"]].append({k: int(v) for k, v in row.items() if k != "tool"})

LABELS = {"dockyard-registry": "Dockyard, registry client",
          "dockyard-registry-nosbom": "Dockyard, registry client, `image.sbom.embed=false`",
          "dockyard-engine": "Dockyard, engine push", "jib": "Jib (jib:build)"}


def med(tool, key):
    return statistics.median(r[key] for r in rows[tool])


def spread(tool, key, scale=1e6, unit=" MB"):
    values = [r[key] for r in rows[tool]]
    return f"{statistics.median(values) / scale:.2f}{unit} ({min(values) / scale:.2f}-{max(values) / scale:.2f})"


def up(r, key):
    """Bytes of one kind among a round's uploads after the change (a harness before the split: layers = all but the
    configuration)."""
    if "up_layer_bytes" in r:
        return r[key]
    return {"up_layer_bytes": r["change_bytes"] - r["config_bytes"], "up_config_bytes": r["config_bytes"]}.get(key, 0)


def ratio(tool, keys):
    """Median (min-max) over the rounds of the bytes uploaded of kinds `keys` after the change / the application layer
    (the new layers but the SBOM's)."""
    values = [sum(up(r, k) for k in keys) / (r["new_layer_bytes"] - up(r, "up_sbom_layer_bytes"))
              for r in rows[tool] if r["new_layer_bytes"]]
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def kind(tool, key):
    values = [up(r, key) for r in rows[tool]]
    return f"{statistics.median(values) / 1e3:.2f} kB ({min(values) / 1e3:.2f}-{max(values) / 1e3:.2f})"


def application(tool):
    values = [r["new_layer_bytes"] - up(r, "up_sbom_layer_bytes") for r in rows[tool]]
    return f"{statistics.median(values) / 1e3:.2f} kB ({min(values) / 1e3:.2f}-{max(values) / 1e3:.2f})"


jib_fresh = med("jib", "fresh_bytes") if "jib" in rows else None
jib_change = med("jib", "change_bytes") if "jib" in rows else None
print("| tool | rounds | fresh registry: uploaded | blobs | x Jib | one-class change: uploaded | blobs |"
      " application layer (new) | of the upload: layers | SBOM layer | configuration | other blobs |"
      " layers / application layer |"
      " + SBOM layer + configuration | all uploaded / application layer | x Jib |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for tool in LABELS:
    if tool not in rows:
        continue
    print(f"| {LABELS[tool]} | {len(rows[tool])} | {spread(tool, 'fresh_bytes')} | {med(tool, 'fresh_blobs'):.0f} | "
          f"{med(tool, 'fresh_bytes') / jib_fresh:.2f} | {spread(tool, 'change_bytes', 1e3, ' kB')} | "
          f"{med(tool, 'change_blobs'):.0f} | {application(tool)} | {kind(tool, 'up_layer_bytes')} | {kind(tool, 'up_sbom_layer_bytes')} | "
          f"{kind(tool, 'up_config_bytes')} | {kind(tool, 'up_other_bytes')} | "
          f"{ratio(tool, ['up_layer_bytes'])} | "
          f"{ratio(tool, ['up_layer_bytes', 'up_sbom_layer_bytes', 'up_config_bytes'])} | "
          f"{ratio(tool, ['up_layer_bytes', 'up_sbom_layer_bytes', 'up_config_bytes', 'up_other_bytes'])} | "
          f"{med(tool, 'change_bytes') / jib_change:.2f} |")
