#!/usr/bin/env bash
# One Burgers PINN step (2 - D x W tanh - 1, POINTS collocation points, full-batch Adam) timed side by side at
# several network sizes: pinn4j on 2 threads (float64, `./pinn bench burgers --depth D --width W`) and the PyTorch
# peer (../shared/peers/torch_burgers.py; float32 and float64, 1 and 2 threads), alternating in one sitting,
# ROUNDS rounds (default 3). Prints every run, then per size the medians, the ratio pinn4j / best PyTorch and each
# one's share of this machine's FMA peak, measured first by benchmarks/floor/peak_fma.c (gcc with OpenMP).
#
# The dense work per step is `pinn bench`'s count (6 x streams x weights per point; Burgers reads u, u_x, u_t,
# u_xx: 4 streams); PyTorch does the same products (it adds 100 initial/boundary points, 1% at 10,000), so one
# count serves both. Elementwise work is not counted: the shares are lower bounds.
#
# Environment: ROUNDS (3), CONFIGS ("8x20 3x64 5x100 4x256"), POINTS (10000), PEER (the peer script), PYTHON
# (/usr/bin/python3). Needs python3-torch (apt-get install -y python3-torch). Run it with nothing else on the
# machine: background load turns every figure into noise.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
configs=${CONFIGS:-"8x20 3x64 5x100 4x256"}
points=${POINTS:-10000}
peer=${PEER:-../shared/peers/torch_burgers.py}
python=${PYTHON:-/usr/bin/python3}
peers="tf32t1 tf32t2 tf64t1 tf64t2"

if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "side-by-side: PyTorch is missing for $python; install it with: apt-get install -y python3-torch" >&2
  exit 2
fi
[ -f "$peer" ] || { echo "side-by-side: the peer script $peer does not exist (set PEER)" >&2; exit 2; }
for c in $configs; do
  [[ $c =~ ^[1-9][0-9]*x[1-9][0-9]*$ ]] || { echo "side-by-side: CONFIGS entry '$c' is not DEPTHxWIDTH, e.g. 5x100" >&2; exit 2; }
done

echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
peak=""
flags="-O2 -mfma -mavx2"
grep -qw avx512f /proc/cpuinfo && flags="-O2 -mfma -mavx512f"
if command -v gcc >/dev/null && gcc $flags -fopenmp benchmarks/floor/peak_fma.c -o /tmp/peak_fma.$$ 2>/dev/null; then
  /tmp/peak_fma.$$ | tee /tmp/peak_fma.$$.out
  peak=$(sed -n 's/.*threads=2 GFLOP\/s=\([0-9.]*\).*/\1/p' /tmp/peak_fma.$$.out)
  rm -f /tmp/peak_fma.$$ /tmp/peak_fma.$$.out
else
  echo "peak: not measured (gcc with OpenMP is needed); shares of the peak are left out"
fi

./pinn list >/dev/null   # build on first use, outside the timed runs

# Steps per run, so that each run lasts a few seconds at any size (work grows ~ width^2 x depth).
steps_for() { # $1 depth $2 width $3 scale
  awk -v d="$1" -v w="$2" -v s="$3" 'BEGIN { n = int(s * 1e6 / (d * w * w + 1000) + 0.5); print (n < 3 ? 3 : n) }'
}

declare -A runs gflop
for r in $(seq "$rounds"); do
  for c in $configs; do
    d=${c%x*}; w=${c#*x}
    out=$(./pinn bench burgers --depth "$d" --width "$w" --points "$points" --threads 2 --steps "$(steps_for "$d" "$w" 0.6)")
    v=$(echo "$out" | sed -n 's/^ms_per_step=//p')
    gflop[$c]=$(echo "$out" | sed -n 's/^dense_gflop_per_step=\([^ ]*\).*/\1/p')
    echo "round $r $c pinn4j-2threads ms_per_step=$v"
    runs[$c,j2]="${runs[$c,j2]:-} $v"
    for cfg in $peers; do
      dtype=float${cfg:2:2}; threads=${cfg:5:1}
      v=$("$python" "$peer" --depth "$d" --width "$w" --nf "$points" --dtype "$dtype" --threads "$threads" \
            --steps "$(steps_for "$d" "$w" 0.15)" | sed -n 's/.*adam_s_per_step=\([0-9.e-]*\).*/\1/p' | awk '{print $1*1000}')
      echo "round $r $c torch-$dtype-${threads}threads ms_per_step=$v"
      runs[$c,$cfg]="${runs[$c,$cfg]:-} $v"
    done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
share() { # $1 ms per step, $2 GFLOP per step
  if [ -n "$peak" ]; then awk -v ms="$1" -v g="$2" -v p="$peak" 'BEGIN {printf "%.0f%%", 100 * g / (ms / 1000) / p}'; else echo "-"; fi
}
echo "medians of $rounds rounds, ms per step, $points points; share = dense GFLOP/s over the 2-core FMA peak (${peak:-not measured} GFLOP/s):"
printf "%-8s %10s %12s %10s %8s %10s %12s %10s %10s %10s %10s\n" network gflop/step pinn4j share best-torch torch-cfg torch-share \
  f32-1t f32-2t f64-1t f64-2t
for c in $configs; do
  j2=$(echo "${runs[$c,j2]}" | median)
  best=""; bestcfg=""; cols=""
  for cfg in $peers; do
    m=$(echo "${runs[$c,$cfg]}" | median)
    cols="$cols $(printf "%10s" "$m")"
    if [ -z "$best" ] || awk -v a="$m" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$m; bestcfg=$cfg; fi
  done
  printf "%-8s %10s %12s %10s %8s %10s %12s%s\n" "$c" "${gflop[$c]}" "$j2" "$(share "$j2" "${gflop[$c]}")" "$best" "$bestcfg" \
    "$(share "$best" "${gflop[$c]}")" "$cols"
done
for c in $configs; do
  j2=$(echo "${runs[$c,j2]}" | median)
  best=$(for cfg in $peers; do echo "${runs[$c,$cfg]}" | median; done | sort -g | head -1)
  echo "ratio $c pinn4j(2 threads) / best PyTorch = $(awk -v a="$j2" -v b="$best" 'BEGIN {printf "%.3f", a/b}')"
done
