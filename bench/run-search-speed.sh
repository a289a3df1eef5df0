#!/usr/bin/env bash
# Search speed: `seqpipe translate` against the PyTorch peer (bench/peers/translate_peer.py) on the same
# trained model (the peer loads Seqpipe's model directory), the same 1,000 sentences and the same batches
# (sorted by length, at most 1,500 padded source tokens), greedy and beam 5, alternating in one run,
# both on $THREADS threads (default 2); the peer also one sentence at a time. Also reports how many
# outputs are identical, a check that the peer is the same model and search.
# Usage: [THREADS=N] [SEQPIPE_MKL_DISPATCH=vendor] bench/run-search-speed.sh [MODEL_DIR] [SHARED_DIR]
#   (defaults: the ding-de-en model of bench/run-translate.sh, ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="$(cd "${1:-$root/bench/results/translate/ding-de-en/model}" && pwd)"
shared="$(cd "${2:-$root/../shared}" && pwd)"
threads="${THREADS:-2}"
# SEQPIPE_MKL_DISPATCH=vendor: MKL's own kernel choice on AMD processors (the launcher's default is by instruction sets)
results="$root/bench/results/search/threads-$threads${SEQPIPE_MKL_DISPATCH:+-$SEQPIPE_MKL_DISPATCH}"
python=/usr/bin/python3
# Debian's torch calls the system BLAS: without OpenBLAS installed that is the slow reference BLAS.
if ! "$python" -c "import torch" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi
echo "threads: $threads; MKL dispatch: ${SEQPIPE_MKL_DISPATCH:-features}; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), torch $("$python" -c 'import torch; print(torch.__version__)') with $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
rm -rf "$results" && mkdir -p "$results"
# 1,000 sentences: the 546 dev sentences, then the first 454 of train
data="$shared/data/translation/ding-de-en"
{ cat "$data/dev.de"; head -n 454 "$data/train.de"; } > "$results/sentences.de"
"$root/seqpipe" --version > /dev/null # builds the launcher's jar once, before any timing
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" GOMP_SPINCOUNT=0
export SEQPIPE_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
for beam in 1 5; do
  "$root/seqpipe" translate --model "$model" --input "$results/sentences.de" --output "$results/seqpipe-beam$beam.en" \
    --beam "$beam" --batch-tokens 1500 2> "$results/seqpipe-beam$beam.log"
  "$python" "$root/bench/peers/translate_peer.py" --model "$model" --input "$results/sentences.de" \
    --output "$results/peer-beam$beam.en" --beam "$beam" --batch-tokens 1500 --threads "$threads" \
    > "$results/peer-beam$beam.json"
  "$python" "$root/bench/peers/translate_peer.py" --model "$model" --input "$results/sentences.de" \
    --output "$results/peer-single-beam$beam.en" --beam "$beam" --batch-tokens 1 --threads "$threads" \
    > "$results/peer-single-beam$beam.json"
done
"$python" - "$results" <<'PY' | tee "$results/summary.md"
import json, re, sys
results = sys.argv[1]
print("| search | Seqpipe sent/s | peer sent/s, same batches | ratio | peer sent/s, one at a time | ratio | identical outputs |")
print("|---|---|---|---|---|---|---|")
for beam in (1, 5):
    log = open(f"{results}/seqpipe-beam{beam}.log").read()
    ours = float(re.search(r"\(([\d.]+) sentences/s\)", log).group(1))
    peer = json.load(open(f"{results}/peer-beam{beam}.json"))["sentences_per_second"]
    single = json.load(open(f"{results}/peer-single-beam{beam}.json"))["sentences_per_second"]
    a = [l.replace(" ", "") for l in open(f"{results}/seqpipe-beam{beam}.en")]
    b = [l.replace(" ", "") for l in open(f"{results}/peer-beam{beam}.en")]
    same = sum(x == y for x, y in zip(a, b))
    name = "greedy" if beam == 1 else f"beam {beam}"
    print(f"| {name} | {ours:.1f} | {peer:.1f} | {ours / peer:.2f}x | {single:.1f} | {ours / single:.2f}x "
          f"| {same} / {len(a)} |")
PY
