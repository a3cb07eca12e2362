#!/usr/bin/env python3
"""All eigenvalues, kspec (JMH EigenBenchmark.eigenvalues) against numpy eigvalsh, alternating.

One 3-iteration shot decides nothing at the 10% level on a shared 2-core machine, so this runs
ROUNDS rounds; in each round, for each BLAS thread count and size, numpy's eigvalsh (--repeats R
after one warm-up call, bench/peers/eigh_numpy.py, which also writes the matrix) and kspec's JMH
benchmark on the same NPY file, the side that goes first rotating from round to round. JMH runs one
fork of 2 warm-up and R measured iterations of at least 1 s of back-to-back calls, as numpy's loop
runs them, each iteration reporting its mean call; with --single-shot, 5 warm-up and R measured
calls, each timed alone. With --lapack-only, EigenBenchmark.eigenvaluesLapackOnly (the LAPACK call
without kspec's checks) joins the rotation. It prints, per thread count and size, the best and the
mean of each side over all rounds, the ratio of the best times (the least disturbed call or
iteration of each) and of the means, and the per-round ratios of minima.

Run from the repository root after `mvn -B -q -DskipTests package -pl bench -am`:
  python3 bench/peers/eigen_parity.py --n 1000 2000 4000 --threads 1 2 --rounds 2 --repeats 5
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

JAR = "bench/target/benchmarks.jar"


def run(command, env=None):
    """Runs a peer or JMH process; on failure shows its stderr instead of swallowing it."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr or done.stdout}")
    return done.stdout


def numpy_times(n, threads, repeats, out):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    text = run(["python3", "bench/peers/eigh_numpy.py", "--n", str(n), "--repeats", str(repeats), "--out", out], env)
    row = json.loads([line for line in text.splitlines() if line.startswith('{"n"')][0])
    return row["eigvalsh_times_ms"]


def kspec_times(n, threads, repeats, out, single_shot, method):
    mode = ["-bm", "ss", "-wi", "5"] if single_shot else ["-bm", "avgt", "-wi", "2"]
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        run(["java", "-Dkspec.blas.threads=%d" % threads, "-jar", JAR, "EigenBenchmark.%s$" % method,
             "-p", "n=%d" % n, "-p", "matrixDir=" + out, "-f", "1", "-tu", "ms", *mode, "-i", str(repeats),
             "-jvmArgsAppend", "-Dkspec.blas.threads=%d" % threads, "-rf", "json", "-rff", result.name])
        with open(result.name) as f:
            raw = json.load(f)[0]["primaryMetric"]["rawData"]
    return [t for fork in raw for t in fork]


def summary(times):
    return f"{min(times):.1f} / {sum(times) / len(times):.1f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 2000, 4000])
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default="bench/target/eigen")
    ap.add_argument("--single-shot", action="store_true", help="time kspec's calls one by one (JMH -bm ss)")
    ap.add_argument("--lapack-only", action="store_true",
                    help="also time EigenBenchmark.eigenvaluesLapackOnly, the LAPACK call without kspec's checks")
    args = ap.parse_args()
    sides = ["numpy", "eigenvalues"] + (["eigenvaluesLapackOnly"] if args.lapack_only else [])
    times = {}
    for r in range(args.rounds):
        order = sides[r % len(sides):] + sides[:r % len(sides)]  # each side goes first in turn
        for threads in args.threads:
            for n in args.n:
                got = {side: numpy_times(n, threads, args.repeats, args.out) if side == "numpy"
                       else kspec_times(n, threads, args.repeats, args.out, args.single_shot, side) for side in order}
                times.setdefault((threads, n), []).append(got)
                ours, theirs = got["eigenvalues"], got["numpy"]
                bare = f"; LAPACK call alone min {min(got['eigenvaluesLapackOnly']):.1f} ms" if args.lapack_only else ""
                print(f"round {r + 1} threads {threads} n {n}: kspec min {min(ours):.1f} ms, "
                      f"numpy min {min(theirs):.1f} ms, ratio {min(ours) / min(theirs):.2f}{bare}", flush=True)
    print()
    extra = " LAPACK call alone min / mean ms |" if args.lapack_only else ""
    print("| BLAS threads | n | kspec min / mean ms | numpy min / mean ms | ratio of minima | ratio of means "
          "| per-round ratios of minima |" + extra)
    print("|---|---|---|---|---|---|---|" + ("---|" if args.lapack_only else ""))
    for (threads, n), rounds in sorted(times.items()):
        pooled = {side: [t for got in rounds for t in got[side]] for side in sides}
        ours, theirs = pooled["eigenvalues"], pooled["numpy"]
        per_round = ", ".join(f"{min(got['eigenvalues']) / min(got['numpy']):.2f}" for got in rounds)
        ratio_of_means = (sum(ours) / len(ours)) / (sum(theirs) / len(theirs))
        bare = f" {summary(pooled['eigenvaluesLapackOnly'])} |" if args.lapack_only else ""
        print(f"| {threads} | {n} | {summary(ours)} | {summary(theirs)} | {min(ours) / min(theirs):.2f} | "
              f"{ratio_of_means:.2f} | {per_round} |{bare}")


if __name__ == "__main__":
    main()
