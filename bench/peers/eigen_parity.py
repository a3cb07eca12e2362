#!/usr/bin/env python3
"""All eigenvalues, kspec (JMH EigenBenchmark.eigenvalues) against numpy eigvalsh, alternating.

One 3-iteration shot decides nothing at the 10% level on a shared 2-core machine, so this runs
ROUNDS rounds; in each round, for each BLAS thread count and size, numpy's eigvalsh (--repeats R
after one warm-up call, bench/peers/eigh_numpy.py, which also writes the matrix) and then kspec's
JMH benchmark on the same NPY file (one fork; 2 warm-up and R measured iterations of at least 1 s
of back-to-back calls, as numpy's loop runs them, each iteration reporting its mean call; with
--single-shot, 5 warm-up and R measured calls each timed alone). It prints, per thread count and
size, the best and the mean of each side over all rounds, the ratio of the best times (the least
disturbed call or iteration of each) and of the means, plus the per-round ratio of minima; with
--lapack-only also EigenBenchmark.eigenvaluesLapackOnly, the LAPACK call without kspec's checks.

Run from the repository root after `mvn -B -q -DskipTests package -pl bench -am`:
  python3 bench/peers/eigen_parity.py --n 1000 2000 4000 --threads 1 2 --rounds 2 --repeats 5
"""
import argparse
import json
import os
import subprocess
import tempfile

JAR = "bench/target/benchmarks.jar"


def numpy_times(n, threads, repeats, out):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    text = subprocess.run(["python3", "bench/peers/eigh_numpy.py", "--n", str(n), "--repeats", str(repeats),
                           "--out", out], env=env, check=True, capture_output=True, text=True).stdout
    row = json.loads([line for line in text.splitlines() if line.startswith('{"n"')][0])
    return row["eigvalsh_times_ms"]


def kspec_times(n, threads, repeats, out, single_shot, method="eigenvalues"):
    mode = ["-bm", "ss", "-wi", "5"] if single_shot else ["-bm", "avgt", "-wi", "2"]
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        subprocess.run(["java", "-Dkspec.blas.threads=%d" % threads, "-jar", JAR, "EigenBenchmark.%s$" % method,
                        "-p", "n=%d" % n, "-p", "matrixDir=" + out, "-f", "1", "-tu", "ms", *mode, "-i", str(repeats),
                        "-jvmArgsAppend", "-Dkspec.blas.threads=%d" % threads, "-rf", "json", "-rff", result.name],
                       check=True, capture_output=True, text=True)
        with open(result.name) as f:
            raw = json.load(f)[0]["primaryMetric"]["rawData"]
    return [t for fork in raw for t in fork]


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
    times = {}
    for r in range(args.rounds):
        for threads in args.threads:
            for n in args.n:
                ours = kspec_times(n, threads, args.repeats, args.out, args.single_shot) if r % 2 else None
                theirs = numpy_times(n, threads, args.repeats, args.out)
                if ours is None:  # alternate which side goes first
                    ours = kspec_times(n, threads, args.repeats, args.out, args.single_shot)
                bare = kspec_times(n, threads, args.repeats, args.out, args.single_shot,
                                   "eigenvaluesLapackOnly") if args.lapack_only else [float("nan")]
                times.setdefault((threads, n), []).append((ours, theirs, bare))
                print(f"round {r + 1} threads {threads} n {n}: kspec min {min(ours):.1f} ms, "
                      f"numpy min {min(theirs):.1f} ms, ratio {min(ours) / min(theirs):.2f}; "
                      f"LAPACK call alone min {min(bare):.1f} ms", flush=True)
    print()
    print("| BLAS threads | n | kspec min / mean ms | numpy min / mean ms | ratio of minima | ratio of means "
          "| per-round ratios of minima | LAPACK call alone min / mean ms |")
    print("|---|---|---|---|---|---|---|---|")
    for (threads, n), rounds in sorted(times.items()):
        ours = [t for o, _, _ in rounds for t in o]
        theirs = [t for _, p, _ in rounds for t in p]
        bare = [t for _, _, b in rounds for t in b]
        per_round = ", ".join(f"{min(o) / min(p):.2f}" for o, p, _ in rounds)
        mean_ours, mean_theirs = sum(ours) / len(ours), sum(theirs) / len(theirs)
        print(f"| {threads} | {n} | {min(ours):.1f} / {mean_ours:.1f} | {min(theirs):.1f} / {mean_theirs:.1f} | "
              f"{min(ours) / min(theirs):.2f} | {mean_ours / mean_theirs:.2f} | {per_round} | "
              f"{min(bare):.1f} / {sum(bare) / len(bare):.1f} |")


if __name__ == "__main__":
    main()
