#!/usr/bin/env bash
# Translation benchmark: trains bench/translate/{ding-de-en,bible-es-en}.pipe side by side, one core each,
# then reports test BLEU/chrF (beam 5 and greedy), training time, model size and peak memory.
# Usage: bench/run-translate.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHARED="$(cd "${1:-$root/../shared}" && pwd)"
results="$root/bench/results/translate"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
rm -rf "$results" && mkdir -p "$results"
"$root/seqpipe" validate "$root/bench/translate/ding-de-en.pipe" # builds the launcher's jar once, before the clock starts
# One core per run: two single-threaded runs use the machine better than two runs fighting over both cores.
export OMP_NUM_THREADS=1 SEQPIPE_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
for task in ding-de-en bible-es-en; do
  /usr/bin/time -v -o "$results/$task.time" "$root/seqpipe" run "$root/bench/translate/$task.pipe" \
    --out "$results/$task" > "$results/$task.log" 2>&1 &
done
wait
for task in ding-de-en bible-es-en; do
  python3 - "$results/$task" "$results/$task.time" <<'PY'
import json, os, re, sys
run, timing = sys.argv[1], open(sys.argv[2]).read()
r = json.load(open(os.path.join(run, "report.json")))
m = r["metrics"]
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(run, "model")) for f in fs)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
epochs = len(r["training"]["history"]) if "history" in r["training"] else "?"
print(f"| {r['pipeline']} | {r['examples']['train']} / {r['examples']['dev']} / {r['examples']['test']} "
      f"| {m['bleu']:.1f} | {m['chrf']:.1f} | {m['bleu_greedy']:.1f} | {m['chrf_greedy']:.1f} "
      f"| {r['seconds'] / 60:.0f} min, {epochs} epochs | {r['parameters'] / 1e6:.1f} M, {size / 2**20:.0f} MiB "
      f"| {rss / 2**20:.1f} GiB |")
print("  " + m["bleu_signature"])
PY
done | tee "$results/summary.md"
