#!/usr/bin/env python3
"""numpy peer of kspec.bench.EigenBenchmark: numpy.linalg.eigvalsh on the same kernel matrices.

The matrix recipe (shared with EigenBenchmark, which reads the NPY files written here):
  points x_i in [0,1]^3, i = 1..n, from the Weyl sequence x_ic = (i * a_c) mod 1 with
  a = (sqrt(2) - 1, sqrt(3) - 1, sqrt(5) - 2)   (deterministic, no RNG);
  K_ij = exp(-|x_i - x_j| / 0.5), the exponential (Laplace) kernel, symmetrized exactly.
Files: <out>/eigen_kernel_<n>.npy (float64, C order).

Run (BLAS threads = 2 for both sides; OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for numpy):
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 \
      python3 bench/peers/eigh_numpy.py --n 1000 2000 4000 --out bench/target/eigen
then the Java side with the same files:
  java -Dkspec.blas.threads=2 -jar bench/target/benchmarks.jar 'EigenBenchmark.eigenvalues$' \
      -p n=1000,2000,4000 -p matrixDir=bench/target/eigen
"""
import argparse
import json
import os
import time

import numpy as np

LENGTH_SCALE = 0.5


def kernel_matrix(n):
    i = np.arange(1, n + 1, dtype=np.float64)[:, None]
    a = np.array([np.sqrt(2.0) - 1.0, np.sqrt(3.0) - 1.0, np.sqrt(5.0) - 2.0])
    x = (i * a) % 1.0
    d2 = np.zeros((n, n))
    for c in range(3):
        diff = x[:, c][:, None] - x[:, c][None, :]
        d2 += diff * diff
    k = np.exp(-np.sqrt(d2) / LENGTH_SCALE)
    return 0.5 * (k + k.T)


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return threadpool_info()
    except ImportError:
        cfg = np.show_config(mode="dicts")
        return {"numpy.show_config": cfg.get("Build Dependencies", cfg)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 2000])
    ap.add_argument("--out", default="bench/target/eigen")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    env = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    print(json.dumps({"numpy": np.__version__, "env": env, "blas": blas_info()}, default=str))
    for n in args.n:
        k = kernel_matrix(n)
        path = os.path.join(args.out, f"eigen_kernel_{n}.npy")
        np.save(path, k)
        np.linalg.eigvalsh(k)  # warm-up
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            w = np.linalg.eigvalsh(k)
            times.append(time.perf_counter() - t0)
        print(json.dumps({"n": n, "eigvalsh_ms_mean": 1e3 * sum(times) / len(times), "eigvalsh_ms_min": 1e3 * min(times),
                          "eigvalsh_times_ms": [1e3 * t for t in times], "repeats": args.repeats,
                          "lambda_max": float(w[-1]), "lambda_min": float(w[0]), "file": path}))


if __name__ == "__main__":
    main()
