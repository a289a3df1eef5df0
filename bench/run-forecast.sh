#!/usr/bin/env bash
# Forecasting benchmark: Seqpipe's examples/ridership.pipe against the PyTorch peer
# (bench/peers/forecast_peer.py: same windows, features, LSTM and training) on the Chicago ridership
# series, dev year 2015, with the naive and seasonal naive baselines of the same windows.
# Installs Debian's python3-torch if it is missing.
# Usage: bench/run-forecast.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
results="$root/bench/results/forecast"
python=/usr/bin/python3
if ! "$python" -c "import torch" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), torch $("$python" -c 'import torch; print(torch.__version__)')"
rm -rf "$results" && mkdir -p "$results"
export OPENBLAS_NUM_THREADS=2 GOMP_SPINCOUNT=0 SEQPIPE_DATA="$shared/data"
data="$shared/data/timeseries/chicago-ridership"
echo "== Seqpipe"
/usr/bin/time -f "%e s wall" "$root/seqpipe" run "$root/examples/ridership.pipe" --out "$results/seqpipe" --quiet
"$python" - "$results/seqpipe/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for name, m in [("seqpipe", r["metrics"]["dev"]), ("naive", r["baselines"]["naive"]["dev"]),
                ("seasonal naive", r["baselines"]["seasonal_naive"]["dev"])]:
    print("%-15s dev MAE %.4f RMSE %.4f MASE %.4f, step 1 MAE %.4f" % (name, m["mae"], m["rmse"], m["mase"],
                                                                       m["by_horizon"][0]["mae"]))
print("training %.1f s (whole run)" % r["seconds"])
PY
echo "== PyTorch peer"
"$python" "$root/bench/peers/forecast_peer.py" --train "$data/train.csv" --dev "$data/dev.csv" > "$results/peer.json"
"$python" - "$results/peer.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for name in ["dev", "naive", "seasonal_naive"]:
    m = r[name]
    print("%-15s dev MAE %.4f RMSE %.4f MASE %.4f, step 1 MAE %.4f" % ("peer" if name == "dev" else name, m["mae"],
                                                                       m["rmse"], m["mase"], m["mae_step1"]))
print("training %.1f s (%d epochs, training steps only)" % (r["train_seconds"], r["epochs"]))
PY
