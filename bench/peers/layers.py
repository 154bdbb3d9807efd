#!/usr/bin/env python3
"""Layers of an image, read from `docker save` output, for bench/peers/run.sh.

  docker save IMAGE | layers.py dump > IMAGE.json   every layer: diff ID (sha256 of the uncompressed layer tar),
                                                    bytes (regular files' sizes, what `docker image inspect` adds up)
                                                    and its entries (name, type, size, mode, owner, mtime, content)
  layers.py new OLD.json NEW.json REGEX             "NEW_BYTES NEW_LAYERS APP_BYTES": bytes of the layers of NEW whose
                                                    diff ID OLD lacks, their number, and the bytes of NEW's last layer
                                                    holding a path that matches REGEX (the application layer)
  layers.py compare A.json B.json                   layer by layer (same position): same diff ID, or why not

The same reading works for every builder (classic builder steps, Jib's layers, imported bases), since it needs
neither `docker history` nor the builder's step ids. Handles the legacy `docker save` layout (<id>/layer.tar,
manifest.json) and the OCI layout (blobs/sha256/...).
"""
import hashlib
import io
import json
import re
import sys
import tarfile


class Hashing:
    """A read-only stream that hashes what is read through it."""

    def __init__(self, raw):
        self.raw = raw
        self.sha = hashlib.sha256()

    def read(self, n=-1):
        data = self.raw.read(n)
        self.sha.update(data)
        return data

    def drain(self):
        while self.read(1 << 20):
            pass
        return "sha256:" + self.sha.hexdigest()


def kind(member):
    if member.isdir():
        return "dir"
    if member.issym():
        return "symlink"
    if member.islnk():
        return "hardlink"
    if member.isfile():
        return "file"
    return "other"


def entry_name(name):
    while name.startswith("./"):
        name = name[2:]
    return name.strip("/") or "."


def read_layer(stream):
    """Entries and bytes of one layer tar, and its diff ID."""
    hashing = Hashing(stream)
    entries, size = [], 0
    try:
        with tarfile.open(fileobj=hashing, mode="r|") as layer:
            for m in layer:
                digest = ""
                if m.isfile():
                    size += m.size
                    content = layer.extractfile(m)
                    h = hashlib.sha256()
                    for chunk in iter(lambda: content.read(1 << 20), b""):
                        h.update(chunk)
                    digest = h.hexdigest()[:16]
                entries.append([entry_name(m.name), kind(m), m.size, m.mode,
                                f"{m.uid}:{m.gid}", int(m.mtime), m.linkname, digest,
                                ",".join(sorted(k for k in m.pax_headers if k not in ("path", "linkpath", "size")))])
    except tarfile.ReadError:
        return None
    return {"diff_id": hashing.drain(), "bytes": size, "entries": entries}


def dump():
    layers, manifest, configs = {}, None, {}
    with tarfile.open(fileobj=sys.stdin.buffer, mode="r|") as saved:
        for m in saved:
            if not m.isfile():
                continue
            f = saved.extractfile(m)
            if m.name == "manifest.json":
                manifest = json.load(f)
            elif m.name.endswith("layer.tar") or m.name.startswith("blobs/"):
                if m.name.startswith("blobs/"):
                    data = f.read()
                    if data[:1] == b"{":  # an OCI config or manifest, not a layer
                        configs[m.name] = json.loads(data)
                        continue
                    f = io.BytesIO(data)
                layer = read_layer(f)
                if layer:
                    layers[m.name] = layer
            elif m.name.endswith(".json"):
                configs[m.name] = json.load(f)
    order = []
    if manifest and "Layers" in manifest[0]:
        order = [layers[p] for p in manifest[0]["Layers"] if p in layers]
    if not order:  # OCI layout: the config's diff IDs give the order
        by_id = {layer["diff_id"]: layer for layer in layers.values()}
        for config in configs.values():
            ids = config.get("rootfs", {}).get("diff_ids")
            if ids:
                order = [by_id[i] for i in ids if i in by_id]
                break
    json.dump({"layers": order}, sys.stdout)


def load(path):
    with open(path) as f:
        return json.load(f)["layers"]


def app_layer_bytes(layers, regex):
    pattern = re.compile(regex)
    found = 0
    for layer in layers:
        if any(pattern.search(e[0]) for e in layer["entries"]):
            found = layer["bytes"]
    return found


def new(old_path, new_path, regex):
    old_ids = {layer["diff_id"] for layer in load(old_path)}
    layers = load(new_path)
    fresh = [layer for layer in layers if layer["diff_id"] not in old_ids]
    print(sum(layer["bytes"] for layer in fresh), len(fresh), app_layer_bytes(layers, regex))


def what(layer):
    """A short description of a layer: its largest top directories."""
    tops = {}
    for e in layer["entries"]:
        parts = [p for p in e[0].split("/") if p and p != "."]
        key = "/".join(parts[:2]) if parts else "."
        tops[key] = tops.get(key, 0) + (e[2] if e[1] == "file" else 0)
    best = sorted(tops.items(), key=lambda kv: -kv[1])[:2]
    return ", ".join(f"/{k}" for k, _ in best) or "(empty)"


def why(a, b):
    """Why two layers at the same position have different diff IDs."""
    ea = {e[0]: e for e in a["entries"]}
    eb = {e[0]: e for e in b["entries"]}
    reasons = []
    only_a, only_b = sorted(set(ea) - set(eb)), sorted(set(eb) - set(ea))
    if only_a or only_b:
        reasons.append(f"other files ({len(only_a)} only in the first, {len(only_b)} only in the second"
                       f", e.g. {(only_a + only_b)[0]})")
    common = [n for n in ea if n in eb]
    fields = {7: "content", 5: "mtime", 3: "mode", 4: "owner", 6: "link target", 8: "PAX header keys"}
    for index, label in fields.items():
        differing = [n for n in common if ea[n][index] != eb[n][index]]
        if differing:
            example = differing[0]
            detail = f"{ea[example][index]} vs {eb[example][index]}" if index in (5, 3, 4) else ""
            reasons.append(f"{label} of {len(differing)} entries (e.g. /{example}{': ' + detail if detail else ''})")
    order_a = [n for n in (e[0] for e in a["entries"]) if n in eb]
    order_b = [n for n in (e[0] for e in b["entries"]) if n in ea]
    if order_a != order_b:
        reasons.append("entry order")
    return "; ".join(reasons) or "tar headers only (same entries, names, content, mtimes, modes, owners, order)"


def compare(a_path, b_path):
    a, b = load(a_path), load(b_path)
    print("layer\tbytes\tcontent\tdiff ID\twhy")
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b):
            layer = (a if i < len(a) else b)[i]
            print(f"{i + 1}\t{layer['bytes']}\t{what(layer)}\tonly in {'first' if i < len(a) else 'second'}\t")
            continue
        same = a[i]["diff_id"] == b[i]["diff_id"]
        print(f"{i + 1}\t{b[i]['bytes']}\t{what(b[i])}\t{'same' if same else 'differs'}\t"
              f"{'' if same else why(a[i], b[i])}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "dump":
        dump()
    elif command == "new":
        new(*sys.argv[2:5])
    elif command == "compare":
        compare(*sys.argv[2:4])
    else:
        sys.exit(__doc__)
