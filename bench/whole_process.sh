#!/usr/bin/env bash
# Whole-process `kspec kernel` against the whole numpy script (read, build, save), side by side:
# ROUNDS rounds, each running both once, the order swapped every round (so load drifts hit both),
# wall time of each process from outside; prints every time, then minima, medians and the ratios.
#   N=4000 DEPTH=3 ROUNDS=7 THREADS=2 bench/whole_process.sh
# Needs the CLI jar (./kspec builds it) and `apt-get install dataset-fashion-mnist`. The numpy peer
# runs with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset, as in compare.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-4000}; depth=${DEPTH:-3}; rounds=${ROUNDS:-7}; threads=${THREADS:-2}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kspec_cmd=(env KSPEC_BLAS_THREADS="$threads" ./kspec kernel --data fashion-mnist:train --n "$n" --seed 0
  --scale 0.00392156862745098 --depth "$depth" --w-std 1.4142135623730951 --b-std 0.05 --kind ntk --out "$dir/kspec.npy")
numpy_cmd=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads"
  python3 bench/peers/ntk_fashion_whole.py --n "$n" --depth "$depth" --seed 0 --out "$dir/numpy.npy")
"${kspec_cmd[@]}" > /dev/null 2>&1   # builds the jar if needed and writes the class-data archive
run() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
: > "$dir/times"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    echo "kspec $(run "${kspec_cmd[@]}")" >> "$dir/times"; echo "numpy $(run "${numpy_cmd[@]}")" >> "$dir/times"
  else
    echo "numpy $(run "${numpy_cmd[@]}")" >> "$dir/times"; echo "kspec $(run "${kspec_cmd[@]}")" >> "$dir/times"
  fi
done
echo "n = $n, depth-$depth ReLU NTK of Fashion-MNIST, $threads BLAS threads, $rounds rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$dir/times" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    who, s = line.split(); t.setdefault(who, []).append(float(s))
for who in ("kspec", "numpy"):
    print(f"{who:6s} " + " ".join(f"{v:.2f}" for v in t[who]) + f"   min {min(t[who]):.2f}  median {statistics.median(t[who]):.2f}")
print(f"kspec/numpy: min {min(t['kspec'])/min(t['numpy']):.3f}  median {statistics.median(t['kspec'])/statistics.median(t['numpy']):.3f}")
PY
