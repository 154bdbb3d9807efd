"""Reads `docker save IMAGE...` on stdin and prints "UNIQUE_LAYER_BYTES UNIQUE_LAYERS": the bytes of every layer the
saved images hold, each layer once (docker save writes a layer that several images share once, as a node stores it
once), uncompressed tar bytes. Used by bench/fleet/run.sh."""
import sys
import tarfile

total = 0
layers = 0
with tarfile.open(fileobj=sys.stdin.buffer, mode="r|") as tar:
    for member in tar:
        name = member.name
        # docker-archive (engine 20.10: <id>/layer.tar) or OCI layout blobs (engine 25 and later)
        if member.isfile() and (name.endswith("/layer.tar") or (name.startswith("blobs/") and member.size > 4096)):
            total += member.size
            layers += 1
print(total, layers)
