#!/usr/bin/env python3
"""Markdown tables of bench/peers/run.sh from its CSV files:
  tables.py rebuild target/rebuild.csv
  tables.py reactor target/reactor-rerun-10.csv target/reactor-clean-10.csv ...
"""
import csv
import statistics
import sys


def stats(values):
    values = sorted(values)
    return statistics.median(values), values[0], values[-1]


def size(n):
    """Bytes as the Docker CLI shows them (decimal units), as Dockyard's log does."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}"
    return f"{n:.0f} B"


def rebuild(path):
    """Figure 2: new-layer bytes, bytes the engine received and wall time per workload and tool; a run whose image
    kept every layer is counted (its build left the change out of the image). Wall time against Jib's: the ratio of
    the medians, and the ratios within each round (the tools ran one after the other in it), median (min – max)."""
    rows = list(csv.DictReader(open(path)))
    sent = "engine_bytes" in rows[0]
    print("| workload | tool | application layer | new-layer bytes, median (min – max) | × application layer | "
          + ("bytes the engine received, median (min – max) | " if sent else "")
          + "rebuild wall, median (min – max) | × Jib's median | × Jib's in the same round, median (min – max) | "
          "CPU median | runs whose image did not change |")
    print("| --- | --- | ---: | ---: | ---: | " + ("---: | " if sent else "") + "---: | ---: | ---: | ---: | ---: |")
    for workload in dict.fromkeys(r["workload"] for r in rows):
        mine = [r for r in rows if r["workload"] == workload]
        jib_walls = {r["rep"]: float(r["wall"]) for r in mine if r["tool"] == "jib"}
        jib_wall = statistics.median(jib_walls.values())
        for tool in dict.fromkeys(r["tool"] for r in mine):
            t = [r for r in mine if r["tool"] == tool]
            new = stats([int(r["new_bytes"]) for r in t])
            app = statistics.median(int(r["app_bytes"]) for r in t)
            wall = stats([float(r["wall"]) for r in t])
            cpu = statistics.median(float(r["cpu"]) for r in t)
            paired = stats([float(r["wall"]) / jib_walls[r["rep"]] for r in t if r["rep"] in jib_walls])
            engine = ""
            if sent:
                e = stats([int(r["engine_bytes"]) for r in t])
                engine = f"{size(e[0])} ({size(e[1])} – {size(e[2])}) | "
            print(f"| {workload} | {tool} | {app:,.0f} B | {new[0]:,.0f} B ({new[1]:,} – {new[2]:,}) | "
                  f"{new[0] / app if app else float('nan'):.2f} | {engine}"
                  f"{wall[0]:.1f} s ({wall[1]:.1f} – {wall[2]:.1f}) | {wall[0] / jib_wall:.2f} | "
                  f"{paired[0]:.2f} ({paired[1]:.2f} – {paired[2]:.2f}) | {cpu:.1f} s | "
                  f"{sum(1 for r in t if int(r['new_layers']) == 0)} of {len(t)} |")
    print(f"\n{len(rows) // max(1, len(set((r['workload'], r['tool']) for r in rows)))} runs each, interleaved; "
          f"load average {min(float(r['load']) for r in rows):.1f} to {max(float(r['load']) for r in rows):.1f}")


def reactor(*paths):
    """Figure 4: per reactor (files named like reactor-MODE-N.csv), wall and CPU of each variant, and the ratios."""
    print("| command | N | variant | runs | wall median (min – max) | CPU median (min – max) | CPU ratio |")
    print("| --- | ---: | --- | ---: | ---: | ---: | --- |")
    for path in paths:
        mode, n = path.rsplit("/", 1)[-1][len("reactor-"):-len(".csv")].split("-")
        rows = list(csv.DictReader(open(path)))
        variants = list(dict.fromkeys(r["variant"] for r in rows))
        cpu = {v: stats([float(r["cpu"]) for r in rows if r["variant"] == v]) for v in variants}
        wall = {v: stats([float(r["seconds"]) for r in rows if r["variant"] == v]) for v in variants}
        base = {"bound": "skipped", "jib-bound": "jib-skipped"}
        command = "`mvn -o -q package`, rerun" if mode == "rerun" else "`mvn -o -q clean package`"
        for i, v in enumerate(variants):
            ratio = ""
            if v in base and base[v] in cpu:
                ratio = (f"{cpu[v][0] / cpu[base[v]][0]:.2f} × {base[v]} (wall {wall[v][0] / wall[base[v]][0]:.2f} ×)")
            runs = sum(1 for r in rows if r["variant"] == v)
            print(f"| {command if i == 0 else ''} | {n if i == 0 else ''} | {v} | {runs} | "
                  f"{wall[v][0]:.1f} s ({wall[v][1]:.1f} – {wall[v][2]:.1f}) | "
                  f"{cpu[v][0]:.2f} s ({cpu[v][1]:.2f} – {cpu[v][2]:.2f}) | {ratio} |")


if __name__ == "__main__":
    {"rebuild": rebuild, "reactor": reactor}[sys.argv[1]](*sys.argv[2:])
