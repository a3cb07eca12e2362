#!/usr/bin/env python3
"""numpy/scipy peer of kspec.bench.CurveBenchmark: one seed of a kernel-regression learning curve.

What a user writes: for each training size D = 16, 32, ..., n/2, gather K[S,S] and K[T,S] for the
first D points of a random ordering, cho_factor + cho_solve (ridge 1e-8), predict, MSE. Same kind of
problem as the Java benchmark: RBF kernel exp(-|x-y|^2/100) of Gaussian points in R^50, n pool + 500
test points, GP-teacher targets. Prints the median of 3 timed runs per n (after one warm-up).

Run with the BLAS environment of a plain numpy install:
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/peers/curve_numpy.py 2000 4000
"""
import sys
import time

import numpy as np
from scipy.linalg import cho_factor, cho_solve

TEST = 500


def problem(n, rng):
    x = rng.standard_normal((n + TEST, 50))
    sq = (x * x).sum(1)
    k = np.exp(-(sq[:, None] + sq[None, :] - 2 * x @ x.T) / 100)
    y = np.linalg.cholesky(k + 1e-8 * np.eye(n + TEST)) @ rng.standard_normal(n + TEST)
    return k, y


def curve(k, y, n, rng):
    pool = rng.permutation(n)
    test = np.arange(n, n + TEST)
    losses = []
    d = 16
    while d <= n // 2:
        s = pool[:d]
        c = cho_factor(k[np.ix_(s, s)] + 1e-8 * np.eye(d))
        alpha = cho_solve(c, y[s])
        losses.append(np.mean((k[np.ix_(test, s)] @ alpha - y[test]) ** 2))
        d *= 2
    return losses


def main():
    try:
        from threadpoolctl import threadpool_info
        print("BLAS:", [(i.get("internal_api"), i.get("architecture"), i.get("num_threads")) for i in threadpool_info()])
    except ImportError:
        print("BLAS: threadpoolctl not installed")
    rng = np.random.default_rng(1234)
    for n in map(int, sys.argv[1:] or ["2000", "4000"]):
        k, y = problem(n, rng)
        curve(k, y, n, rng)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            curve(k, y, n, rng)
            times.append(time.perf_counter() - t)
        print(f"n={n} median {1000 * sorted(times)[1]:.1f} ms")


if __name__ == "__main__":
    main()
