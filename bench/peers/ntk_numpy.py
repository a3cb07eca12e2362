#!/usr/bin/env python3
"""Peer for KernelBenchmark: the depth-L ReLU (or Erf) NNGP/NTK recursion in plain vectorised numpy,
float64, written the way a user would (neural-tangents conventions, docs/kernels.md):

    Σ⁰ = X Xᵀ / d_in, Θ⁰ = 0
    Dense(W, b):  Σ ← W²Σ + b²,  Θ ← Σ + W²Θ            ('ntk' parameterization)
    Relu:         θ = arccos(Σ/√(q q′)),  Θ ← Θ (π − θ)/(2π),  Σ ← √(q q′)(sin θ + (π − θ) cos θ)/(2π)
    Erf:          Σ ← (2/π) arcsin(2Σ/√((1+2q)(1+2q′))),  Θ ← Θ (4/π)/√((1+2q)(1+2q′) − 4Σ²)

Architecture: depth × [Dense(w_std, b_std), act] + Dense(w_std, b_std), as Architecture.simple.

Usage:
    python3 ntk_numpy.py --points X.npy [--depth 3] [--activation relu|erf] [--w-std 1.4142]
                         [--b-std 0.05] [--kind ntk|nngp|both] [--repeats 1] [--out timings.json]
Writes a JSON line {"n", "d_in", "depth", "activation", "kind", "seconds": [...], "trace_nngp",
"trace_ntk"} to --out (or stdout). Generate inputs with --make N D SEED OUT.npy (standard normal,
numpy default_rng(SEED)); the Java side reads the same file or uses its own seeded inputs.
Measure peak memory with /usr/bin/time -v.
"""
import argparse
import json
import sys
import time

import numpy as np


def kernels(x, depth, activation, w_std, b_std, want_ntk=True):
    n, d = x.shape
    w2 = w_std * w_std
    b2 = 0.0 if b_std is None else b_std * b_std
    nngp = x @ x.T / d
    q = np.einsum("ij,ij->i", x, x) / d
    ntk = np.zeros_like(nngp) if want_ntk else None

    def dense(nngp, ntk, q):
        nngp = w2 * nngp + b2
        if ntk is not None:
            ntk = nngp + w2 * ntk
        return nngp, ntk, w2 * q + b2

    for _ in range(depth):
        nngp, ntk, q = dense(nngp, ntk, q)
        if activation == "relu":
            prod = np.sqrt(np.outer(q, q))
            cos = np.clip(nngp / prod, -1.0, 1.0)
            theta = np.arccos(cos)
            if ntk is not None:
                ntk *= (np.pi - theta) / (2 * np.pi)
            nngp = prod * (np.sin(theta) + (np.pi - theta) * cos) / (2 * np.pi)
            q = q / 2
        elif activation == "erf":
            prod = np.outer(1 + 2 * q, 1 + 2 * q)
            if ntk is not None:
                ntk *= (4 / np.pi) / np.sqrt(prod - 4 * nngp ** 2)
            nngp = (2 / np.pi) * np.arcsin(np.clip(2 * nngp / np.sqrt(prod), -1.0, 1.0))
            q = (2 / np.pi) * np.arcsin(2 * q / (1 + 2 * q))
        else:
            raise SystemExit(f"unknown activation {activation!r}: use relu or erf")
    nngp, ntk, q = dense(nngp, ntk, q)
    return nngp, ntk


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--points")
    p.add_argument("--make", nargs=4, metavar=("N", "D", "SEED", "OUT"))
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--activation", default="relu")
    p.add_argument("--w-std", type=float, default=1.4142)
    p.add_argument("--b-std", type=float, default=0.05)
    p.add_argument("--kind", default="ntk", choices=["ntk", "nngp", "both"])
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--out")
    a = p.parse_args()
    if a.make:
        n, d, seed, out = int(a.make[0]), int(a.make[1]), int(a.make[2]), a.make[3]
        np.save(out, np.random.default_rng(seed).standard_normal((n, d)))
        return
    x = np.load(a.points).astype(np.float64)
    seconds = []
    for _ in range(a.repeats):
        t = time.perf_counter()
        nngp, ntk = kernels(x, a.depth, a.activation, a.w_std, a.b_std, want_ntk=a.kind != "nngp")
        seconds.append(time.perf_counter() - t)
    rec = {"n": x.shape[0], "d_in": x.shape[1], "depth": a.depth, "activation": a.activation, "kind": a.kind,
           "seconds": seconds, "trace_nngp": float(np.trace(nngp)),
           "trace_ntk": None if ntk is None else float(np.trace(ntk))}
    line = json.dumps(rec)
    if a.out:
        with open(a.out, "a") as f:
            f.write(line + "\n")
    else:
        print(line)


if __name__ == "__main__":
    sys.exit(main())
