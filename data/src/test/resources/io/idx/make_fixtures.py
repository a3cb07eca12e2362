#!/usr/bin/env python3
"""Generates the IDX test fixtures of kspec.manifold.io.IdxReaderTest.

Run once from this directory:  python3 make_fixtures.py
IDX layout (LeCun et al., MNIST): 00 00 <type> <rank>, rank big-endian uint32 dims, big-endian data.
Every good fixture NAME (plain) and NAME.gz (gzip, mtime 0) comes with NAME.expected.txt: line 1
"shape d0 d1 ...", then one value per line in row-major order, repr(float(x)).
"""
import gzip
import struct
import numpy as np

rng = np.random.default_rng(20261122)
TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def idx_bytes(code, arr):
    header = struct.pack(">BBBB", 0, 0, code, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    return header + arr.astype(TYPES[code]).tobytes(order="C")


def values(code, shape):
    dt = np.dtype(TYPES[code])
    n = int(np.prod(shape))
    if dt.kind == "f":
        return (rng.standard_normal(n) * 100.0).astype(dt).reshape(shape)
    info = np.iinfo(dt)
    seq = [int(info.min), int(info.max), 0, 1]
    while len(seq) < n:
        seq.append(int(rng.integers(info.min, int(info.max) + 1)))
    return np.array(seq[:n]).astype(dt).reshape(shape)


def save(name, code, arr):
    raw = idx_bytes(code, arr)
    with open(name, "wb") as f:
        f.write(raw)
    with open(name + ".gz", "wb") as f:
        f.write(gzip.compress(raw, mtime=0))
    with open(name + ".expected.txt", "w") as f:
        f.write("shape " + " ".join(str(d) for d in arr.shape) + "\n")
        for x in arr.reshape(-1):
            f.write(repr(float(x)) + "\n")
    return raw


# one file per type code: 2-D 3 x 4
for code, tag in [(0x08, "ubyte"), (0x09, "byte"), (0x0B, "short"), (0x0C, "int"), (0x0D, "float"), (0x0E, "double")]:
    save(f"{tag}-3x4-idx2", code, values(code, (3, 4)))

# MNIST-like: 5 images of 4 x 3 pixels and their labels
images = save("images-idx3-ubyte", 0x08, values(0x08, (5, 4, 3)))
save("labels-idx1-ubyte", 0x08, np.array([3, 1, 4, 1, 5], dtype=np.uint8))
save("labels3-idx1-ubyte", 0x08, np.array([0, 1, 2], dtype=np.uint8))

# bad files
with open("bad-truncated-idx3-ubyte", "wb") as f:  # 5x4x3 header (60 data bytes), 25 follow
    f.write(images[:16 + 25])
with open("bad-truncated-idx3-ubyte.gz", "wb") as f:  # a gzip stream cut in half
    data = gzip.compress(images, mtime=0)
    f.write(data[: len(data) // 2])
with open("bad-long-idx3-ubyte", "wb") as f:  # header says 4 images, 5 follow
    f.write(images[:4] + struct.pack(">III", 4, 4, 3) + images[16:])
with open("bad-magic-idx3-ubyte", "wb") as f:
    f.write(b"\x01\x02" + images[2:])
with open("bad-typecode-idx2", "wb") as f:  # 0x0A is not an IDX type
    f.write(struct.pack(">BBBB", 0, 0, 0x0A, 2) + struct.pack(">II", 1, 1) + b"\x00")

print("numpy", np.__version__)
