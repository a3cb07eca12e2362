#!/usr/bin/env bash
# Scale figures of the distributed kernel operator beside the single-JVM one (bench/README.md): per
# size, one process per mode (single JVM, Spark local[2]), alternating which goes first; each prints
# its product times, top-k solve and peak RSS (kspec.bench.SparkScale).
#   SIZES="2000 5000 10000" TOP=10 B=16 REPEATS=2 bench/spark_scale.sh
# Needs: mvn -B -q -DskipTests package -pl bench,spark -am
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-2000 5000 10000}; top=${TOP:-10}; b=${B:-16}; repeats=${REPEATS:-2}; heap=${HEAP:-6g}
local_run() { java -Xmx"$heap" -Dkspec.blas.threads=2 -cp bench/target/benchmarks.jar kspec.bench.SparkScale local "$1" "$b" "$repeats" "$top"; }
spark_run() { java -Xmx"$heap" -Dkspec.blas.threads=2 @spark/spark-jvm.args -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider \
  -Dslf4j.internal.verbosity=WARN -cp "spark/target/spark-jars/*:bench/target/benchmarks.jar" kspec.bench.SparkScale 'local[2]' "$1" "$b" "$repeats" "$top"; }
i=0
for n in $sizes; do
  echo "# n = $n, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M)"
  if [ $((i % 2)) -eq 0 ]; then local_run "$n"; spark_run "$n"; else spark_run "$n"; local_run "$n"; fi
  i=$((i + 1))
done
