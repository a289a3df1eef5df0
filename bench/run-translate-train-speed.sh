#!/usr/bin/env bash
# Translation training speed: Seqpipe on both engines against the PyTorch training peer
# (bench/peers/translate_train_peer.py), on the two benchmark models of bench/run-translate.sh: the same
# encoder-decoder (the peer builds it from Seqpipe's model directory), the same data (the first PAIRS pairs of
# each training corpus, word-level), the same token batches, one epoch each, alternating, THREADS threads each.
# Reports target tokens/s of the training steps (evaluation excluded) and peak memory (RSS) of each run.
# Usage: [THREADS=2] [PAIRS=4000] [SEQPIPE_MKL_DISPATCH=vendor] bench/run-translate-train-speed.sh [SHARED_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHARED="$(cd "${1:-$root/../shared}" && pwd)"
python=/usr/bin/python3
threads="${THREADS:-2}"
# SEQPIPE_MKL_DISPATCH=vendor: MKL's own kernel choice on AMD processors (the launcher's default is by instruction sets)
results="$root/bench/results/translate-train-speed/threads-$threads${SEQPIPE_MKL_DISPATCH:+-$SEQPIPE_MKL_DISPATCH}"
pairs="${PAIRS:-4000}"
# Debian's torch calls the system BLAS: without OpenBLAS installed that is the slow reference BLAS.
if ! "$python" -c "import torch" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi
echo "threads: $threads; MKL dispatch: ${SEQPIPE_MKL_DISPATCH:-features}; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), torch $("$python" -c 'import torch; print(torch.__version__)')"
rm -rf "$results" && mkdir -p "$results"
"$root/seqpipe" --version > /dev/null # builds the launcher's jar once, before any timing
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" GOMP_SPINCOUNT=0 OMP_WAIT_POLICY=PASSIVE
export SEQPIPE_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
for corpus in ding-de-en bible-es-en; do
  source=${corpus:(-5):2} target=${corpus:(-2)}
  data="$results/data/$corpus"
  mkdir -p "$data"
  for lang in "$source" "$target"; do
    head -n "$pairs" "$SHARED/data/translation/$corpus/train.$lang" > "$data/train.$lang"
    head -n 100 "$SHARED/data/translation/$corpus/dev.$lang" > "$data/dev.$lang"
  done
  for engine in pytorch mxnet; do
    /usr/bin/time -v -o "$results/$corpus-$engine.time" "$root/seqpipe" -q run "$root/bench/translate/$corpus.pipe" \
      --set data.train="$data/train" --set data.dev="$data/dev" --set data.test_split=0 --set train.epochs=1 \
      --set train.engine="$engine" --out "$results/$corpus-$engine" > "$results/$corpus-$engine.log" 2>&1
  done
  read -r batch_tokens max_length < <("$python" -c 'import re,sys; t=open(sys.argv[1]).read(); print(re.search(r"batch_tokens (\d+)", t).group(1), re.search(r"max_length (\d+)", t).group(1))' "$root/bench/translate/$corpus.pipe")
  /usr/bin/time -v -o "$results/$corpus-peer.time" "$python" "$root/bench/peers/translate_train_peer.py" \
    --model "$results/$corpus-pytorch/model" --train "$data/train" --source "$source" --target "$target" \
    --batch-tokens "$batch_tokens" --max-length "$max_length" --threads "$threads" > "$results/$corpus-peer.json"
done
"$python" - "$results" <<'PY' | tee "$results/summary.md"
import json, re, sys
results = sys.argv[1]
def rss(name):
    text = open(f"{results}/{name}.time").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
print("| corpus | engine | Seqpipe target tok/s | peer target tok/s | ratio | Seqpipe steps | peer steps "
      "| Seqpipe peak RSS | peer peak RSS |")
print("|---|---|---|---|---|---|---|---|---|")
for corpus in ("ding-de-en", "bible-es-en"):
    peer = json.load(open(f"{results}/{corpus}-peer.json"))
    for engine in ("pytorch", "mxnet"):
        report = json.load(open(f"{results}/{corpus}-{engine}/report.json"))
        epoch = report["training"]["history"][0]
        ours = epoch["tokensPerSecond"]
        print(f"| {corpus} | {engine} | {ours:,.0f} | {peer['target_tokens_per_second']:,.0f} "
              f"| {ours / peer['target_tokens_per_second']:.2f}x | {report['training']['step']} | {peer['steps']} "
              f"| {rss(f'{corpus}-{engine}'):,.0f} MiB | {rss(f'{corpus}-peer'):,.0f} MiB |")
PY
