#!/usr/bin/env python3
"""Peer for kspec.bench.KnnBenchmark: exact kNN (k = 20) of n uniform points in [0,1]^784, then the
TwoNN maximum-likelihood estimate (N - 1)/sum(log T2/T1) and the harmonic (MacKay-Ghahramani) MLE
averaged over k = 2..4, i.e. the same work as the Java benchmark.

Two kNN implementations are timed and the faster is reported:
  * scipy.spatial.cKDTree(x).query(x, k + 1, workers=-1)
  * numpy blocked brute force: D = |x|^2 + |y|^2 - 2 X_b Y^T per block of rows (BLAS GEMM),
    clamped at 0, np.argpartition for the k + 1 smallest, then sorted.

Run with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset, e.g.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peers/knn_twonn_scipy.py --n 10000
"""
import argparse
import time

import numpy as np
from scipy.spatial import cKDTree

K = 20


def knn_ckdtree(x, k):
    d, i = cKDTree(x).query(x, k + 1, workers=-1)
    return d[:, 1:], i[:, 1:]


def knn_numpy_blocked(x, k, block=1024):
    n = x.shape[0]
    sq = np.einsum("ij,ij->i", x, x)
    dist = np.empty((n, k))
    idx = np.empty((n, k), dtype=np.int64)
    for s in range(0, n, block):
        e = min(n, s + block)
        d2 = sq[s:e, None] + sq[None, :] - 2.0 * (x[s:e] @ x.T)
        np.maximum(d2, 0.0, out=d2)
        d2[np.arange(e - s), np.arange(s, e)] = np.inf  # exclude the point itself
        part = np.argpartition(d2, k, axis=1)[:, :k]
        pd = np.take_along_axis(d2, part, axis=1)
        order = np.argsort(pd, axis=1)
        idx[s:e] = np.take_along_axis(part, order, axis=1)
        dist[s:e] = np.sqrt(np.take_along_axis(pd, order, axis=1))
    return dist, idx


def estimates(dist):
    log_mu = np.log(dist[:, 1] / dist[:, 0])
    twonn_ml = (len(log_mu) - 1) / log_mu.sum()
    logt = np.log(dist[:, :4])
    mle = np.mean([1.0 / np.mean(((k - 1) * logt[:, k - 1] - logt[:, :k - 1].sum(axis=1)) / (k - 1))
                   for k in (2, 3, 4)])
    return twonn_ml, mle


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--dim", type=int, default=784)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--skip-tree", action="store_true", help="skip cKDTree (very slow at dim 784)")
    args = ap.parse_args()
    x = np.random.default_rng(1234).random((args.n, args.dim))
    results = {}
    methods = [("numpy-blocked", knn_numpy_blocked)]
    if not args.skip_tree:
        methods.append(("ckdtree", knn_ckdtree))
    for name, fn in methods:
        best = float("inf")
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            dist, _ = fn(x, K)
            d_two, d_mle = estimates(dist)
            best = min(best, time.perf_counter() - t0)
        results[name] = best
        print(f"{name}: n={args.n} dim={args.dim} k={K}: {best * 1000:.0f} ms  (twonn-ml {d_two:.2f}, mle {d_mle:.2f})")
    fastest = min(results, key=results.get)
    print(f"peer (faster): {fastest} {results[fastest] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
