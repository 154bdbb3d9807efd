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

LABELS = {"dockyard-registry": "Dockyard, registry client", "dockyard-engine": "Dockyard, engine push",
          "jib": "Jib (jib:build)"}


def med(tool, key):
    return statistics.median(r[key] for r in rows[tool])


def spread(tool, key, scale=1e6, unit=" MB"):
    values = [r[key] for r in rows[tool]]
    return f"{statistics.median(values) / scale:.2f}{unit} ({min(values) / scale:.2f}-{max(values) / scale:.2f})"


jib_fresh = med("jib", "fresh_bytes") if "jib" in rows else None
jib_change = med("jib", "change_bytes") if "jib" in rows else None
print("| tool | rounds | fresh registry: uploaded | blobs | x Jib | one-class change: uploaded | blobs | of which"
      " the configuration | new layers | uploaded layers / new layers | uploaded / new layers | x Jib |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for tool in ("dockyard-registry", "dockyard-engine", "jib"):
    if tool not in rows:
        continue
    layers = [(r["change_bytes"] - r["config_bytes"]) / r["new_layer_bytes"] for r in rows[tool] if r["new_layer_bytes"]]
    total = [r["change_bytes"] / r["new_layer_bytes"] for r in rows[tool] if r["new_layer_bytes"]]
    print(f"| {LABELS[tool]} | {len(rows[tool])} | {spread(tool, 'fresh_bytes')} | {med(tool, 'fresh_blobs'):.0f} | "
          f"{med(tool, 'fresh_bytes') / jib_fresh:.2f} | {spread(tool, 'change_bytes', 1e3, ' kB')} | "
          f"{med(tool, 'change_blobs'):.0f} | {spread(tool, 'config_bytes', 1e3, ' kB')} | "
          f"{spread(tool, 'new_layer_bytes', 1e3, ' kB')} | "
          f"{statistics.median(layers):.3f} ({min(layers):.3f}-{max(layers):.3f}) | "
          f"{statistics.median(total):.2f} ({min(total):.2f}-{max(total):.2f}) | "
          f"{med(tool, 'change_bytes') / jib_change:.2f} |")
