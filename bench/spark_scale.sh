#!/usr/bin/env bash
# Scale figures of the distributed kernel operator beside the single-JVM one (bench/README.md,
# "Kernel spectra on Spark"): per size, `kspec spectrum --top K` on the first-in-seed-order n
# Fashion-MNIST images (pixels/255, depth-3 ReLU NTK, Dense(√2, 0.05)), once --matrix-free (single
# JVM, both cores) and once --spark local[2], one process each, alternating which goes first. Prints
# the solve time, block products, seconds per product (solve / products), λ₁ and the peak RSS.
#   SIZES="2000 5000 10000" TOP=10 bench/spark_scale.sh
# Needs the CLI and the Spark jars (./kspec builds both) and `apt-get install dataset-fashion-mnist`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-2000 5000 10000}; top=${TOP:-10}; heap=${HEAP:-6g}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() { # mode n
  local flag=(--matrix-free); [ "$1" = spark ] && flag=(--spark 'local[2]')
  KSPEC_BLAS_THREADS=2 KSPEC_JAVA_OPTS="-Xmx$heap -XX:+UseParallelGC -XX:+UseTransparentHugePages" \
    /usr/bin/time -o "$dir/time" -f "%M" ./kspec spectrum --data fashion-mnist:train --n "$2" --seed 0 \
    --scale 0.00392156862745098 --depth 3 --w-std 1.4142135623730951 --b-std 0.05 --kind ntk --top "$top" \
    "${flag[@]}" --json "$dir/s.json" > /dev/null 2> "$dir/err" || { cat "$dir/err"; return 1; }
  python3 - "$1" "$2" "$dir/s.json" "$(cat "$dir/time")" <<'PY'
import json, sys
mode, n, path, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
j = json.load(open(path))
r = j.get("spark") or j.get("matrixFree")
layout = f"{r['groups']} groups, {r['tasksPerProduct']} tasks" if mode == "spark" else f"{r['tileRows']}-row blocks"
print(f"{mode:6s} n = {n:6d}  top-{len(j['eigenvalues'])} {r['solveSeconds']:7.1f} s in {r['blockProducts']} products "
      f"({r['solveSeconds'] / r['blockProducts']:.2f} s each, {layout}, {'converged' if r['converged'] else 'NOT converged'})  "
      f"lambda1 {j['eigenvalues'][0]:.10g}  peak RSS {rss / 1024:.0f} MB")
PY
}
./kspec --version > /dev/null
i=0
for n in $sizes; do
  echo "# n = $n, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC"
  if [ $((i % 2)) -eq 0 ]; then run single "$n"; run spark "$n"; else run spark "$n"; run single "$n"; fi
  i=$((i + 1))
done
