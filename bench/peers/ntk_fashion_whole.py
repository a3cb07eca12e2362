#!/usr/bin/env python3
"""Whole-process peer of `kspec kernel` on Fashion-MNIST: what a numpy user runs end to end —
read the gzip IDX training images, take a seeded random subset of N images, scale pixels to [0, 1],
build the depth-L ReLU NTK with the recursion of ntk_numpy.py (same conventions, float64), save it
as K.npy. Timed from outside as a whole process (bench/whole_process.sh), so interpreter start-up,
imports, reading, the build and writing all count, as they do for the kspec process.

Usage:
    python3 ntk_fashion_whole.py --n 4000 --depth 3 --out K.npy [--seed 0]
"""
import argparse
import gzip
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ntk_numpy import kernels  # noqa: E402  the same recursion as the kernel-build peer


def read_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[o:o + 4], "big") for o in (4, 8, 12))
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows * cols)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--images", default="/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
    p.add_argument("--n", type=int, default=4000)
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--w-std", type=float, default=2 ** 0.5)
    p.add_argument("--b-std", type=float, default=0.05)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    images = read_images(a.images)
    rows = np.sort(np.random.default_rng(a.seed).choice(images.shape[0], a.n, replace=False))
    x = images[rows].astype(np.float64) / 255.0
    _, ntk = kernels(x, a.depth, "relu", a.w_std, a.b_std, want_ntk=True)
    np.save(a.out, ntk)


if __name__ == "__main__":
    sys.exit(main())
