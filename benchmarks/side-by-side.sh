#!/usr/bin/env bash
# One Burgers PINN step (2 - 8x20 tanh - 1, 10,000 collocation points, full-batch Adam) timed side by side:
# pinn4j (1 and 2 threads, float64) and the PyTorch peer (float32 1 thread, float64 1 and 2 threads),
# alternating in one sitting, ROUNDS rounds (default 5); prints every run and the medians.
# pinn4j is timed with `./pinn bench burgers` (the catalogue problem through the Trainer, as issue 7 defines the
# figure; it builds on first use); needs python3-torch.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
peer=${PEER:-../shared/peers/torch_burgers.py}
steps=${STEPS:-300}
./pinn list >/dev/null   # build on first use, outside the timed runs
declare -A runs
for r in $(seq "$rounds"); do
  for cfg in j1 j2 tf32 tf64 tf64t2; do
    case $cfg in
      j1) v=$(./pinn bench burgers --threads 1 --steps "$steps" | sed -n 's/.*ms_per_step=//p') ;;
      j2) v=$(./pinn bench burgers --threads 2 --steps "$steps" | sed -n 's/.*ms_per_step=//p') ;;
      tf32) v=$(/usr/bin/python3 "$peer" --steps 50 --dtype float32 --threads 1 | sed -n 's/.*adam_s_per_step=\([0-9.e-]*\).*/\1/p' | awk '{print $1*1000}') ;;
      tf64) v=$(/usr/bin/python3 "$peer" --steps 50 --dtype float64 --threads 1 | sed -n 's/.*adam_s_per_step=\([0-9.e-]*\).*/\1/p' | awk '{print $1*1000}') ;;
      tf64t2) v=$(/usr/bin/python3 "$peer" --steps 50 --dtype float64 --threads 2 | sed -n 's/.*adam_s_per_step=\([0-9.e-]*\).*/\1/p' | awk '{print $1*1000}') ;;
    esac
    echo "round $r $cfg ms_per_step=$v"
    runs[$cfg]="${runs[$cfg]:-} $v"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "medians (ms/step):"
for cfg in j1 j2 tf32 tf64 tf64t2; do echo "  $cfg $(echo "${runs[$cfg]}" | median)"; done
best=$(for cfg in tf32 tf64 tf64t2; do echo "${runs[$cfg]}" | median; done | sort -g | head -1)
j2=$(echo "${runs[j2]}" | median)
echo "ratio pinn4j(2 threads) / best PyTorch = $(awk -v a="$j2" -v b="$best" 'BEGIN {printf "%.3f", a/b}')"
