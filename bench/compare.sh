#!/usr/bin/env bash
# Side-by-side kspec vs numpy/scipy on identical problem sizes, in one run. Prints each side's
# figures, then the kspec/peer ratio per task and size (bench/peers/summarize_compare.py). Needs the bench jar:
#   mvn -B -q -DskipTests package -pl bench -am
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on these machines and slow numpy: they are unset
# for the numpy peers only (never for tests or CI); the peers print which BLAS numpy used.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
exec > >(tee "$log")
jar=bench/target/benchmarks.jar
sizes=${SIZES:-2000,4000}
threads=${THREADS:-2}
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" python3 "$@"; }
jmh() { java -Dkspec.blas.threads="$threads" -jar "$jar" "$@" -f 1 -wi 1 -i 3 -p n="$sizes" -rf text -rff /dev/stdout 2>/dev/null | grep -E "^Benchmark|^[A-Z][A-Za-z]+Benchmark\." || true; }

mkdir -p target/compare-kernel
echo "== kernel build: depth-3 ReLU NTK, d_in = 784"
java -Xmx8g -Dkspec.blas.threads="$threads" -cp "$jar" kspec.bench.KernelBenchmark "$sizes" bench/peers/ntk_numpy.py target/compare-kernel
echo "== eigenvalues (numpy writes the matrices the JMH run reads)"
peer bench/peers/eigh_numpy.py --n ${sizes//,/ }
jmh 'EigenBenchmark.eigenvalues$'
echo "== kNN (k = 20) + TwoNN + MLE, d = 784"
for n in ${sizes//,/ }; do peer bench/peers/knn_twonn_scipy.py --n "$n"; done
jmh KnnBenchmark
echo "== learning curve inner loop"
peer bench/peers/curve_numpy.py ${sizes//,/ }
jmh CurveBenchmark

echo "== ratios"
sleep 1
python3 bench/peers/summarize_compare.py < "$log"
