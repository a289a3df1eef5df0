#!/usr/bin/env bash
# Search speed: `seqpipe translate` against the PyTorch peer (bench/peers/translate_peer.py) on the same
# trained model (the peer loads Seqpipe's model directory), the same 1,000 sentences and the same batches
# (sorted by length, at most 1,500 padded source tokens), greedy and beam 5, alternating in one run,
# both on $THREADS threads (default 2): Seqpipe as `seqpipe translate` runs by default, $THREADS batches
# side by side with one engine thread each (`--threads $THREADS`), and also one batch at a time with its
# operations split over $THREADS engine threads (`--threads 1`), as the peer does; the peer also one
# sentence at a time. Also reports how many outputs are identical, a check that the peer is the same
# model and search.
# Usage: [THREADS=N] [ROUNDS=R] [SEQPIPE_MKL_DISPATCH=vendor] bench/run-search-speed.sh [MODEL_DIR] [SHARED_DIR]
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
rounds="${ROUNDS:-3}"  # short runs (seconds each) move by 10-20% from run to run: alternate, report median and range
for round in $(seq "$rounds"); do
  for beam in 1 5; do
    "$root/seqpipe" translate --model "$model" --input "$results/sentences.de" --output "$results/seqpipe-beam$beam.en" \
      --beam "$beam" --batch-tokens 1500 --threads "$threads" 2> "$results/seqpipe-beam$beam.$round.log"
    "$root/seqpipe" translate --model "$model" --input "$results/sentences.de" \
      --output "$results/seqpipe-split-beam$beam.en" --beam "$beam" --batch-tokens 1500 --threads 1 \
      2> "$results/seqpipe-split-beam$beam.$round.log"
    "$python" "$root/bench/peers/translate_peer.py" --model "$model" --input "$results/sentences.de" \
      --output "$results/peer-beam$beam.en" --beam "$beam" --batch-tokens 1500 --threads "$threads" \
      > "$results/peer-beam$beam.$round.json"
  done
done
for beam in 1 5; do
  "$python" "$root/bench/peers/translate_peer.py" --model "$model" --input "$results/sentences.de" \
    --output "$results/peer-single-beam$beam.en" --beam "$beam" --batch-tokens 1 --threads "$threads" \
    > "$results/peer-single-beam$beam.json"
done
"$python" - "$results" "$rounds" <<'PY' | tee "$results/summary.md"
import json, re, statistics, sys
results, rounds = sys.argv[1], int(sys.argv[2])
def seqpipe(name):
    return [float(re.search(r"\(([\d.]+) sentences/s\)", open(f"{results}/{name}.{r}.log").read()).group(1))
            for r in range(1, rounds + 1)]
def peer(name):
    return [json.load(open(f"{results}/{name}.{r}.json"))["sentences_per_second"] for r in range(1, rounds + 1)]
def cell(runs):
    return f"{statistics.median(runs):.1f} ({min(runs):.1f}-{max(runs):.1f})"
print(f"Median of {rounds} alternating rounds (range in brackets).")
print()
print("| search | Seqpipe sent/s | peer sent/s, same batches | ratio | peer sent/s, one at a time | ratio "
      "| identical outputs | Seqpipe sent/s, one batch at a time | ratio to the peer |")
print("|---|---|---|---|---|---|---|---|---|")
for beam in (1, 5):
    ours, split, theirs = seqpipe(f"seqpipe-beam{beam}"), seqpipe(f"seqpipe-split-beam{beam}"), peer(f"peer-beam{beam}")
    single = json.load(open(f"{results}/peer-single-beam{beam}.json"))["sentences_per_second"]
    a = [l.replace(" ", "") for l in open(f"{results}/seqpipe-beam{beam}.en")]
    b = [l.replace(" ", "") for l in open(f"{results}/peer-beam{beam}.en")]
    same = sum(x == y for x, y in zip(a, b))
    name = "greedy" if beam == 1 else f"beam {beam}"
    split_same = open(f"{results}/seqpipe-split-beam{beam}.en").read() == open(f"{results}/seqpipe-beam{beam}.en").read()
    m, ms, mp = statistics.median(ours), statistics.median(split), statistics.median(theirs)
    print(f"| {name} | {cell(ours)} | {cell(theirs)} | {m / mp:.2f}x | {single:.1f} | {m / single:.2f}x "
          f"| {same} / {len(a)} | {cell(split)}{'' if split_same else ' (other output!)'} | {ms / mp:.2f}x |")
PY
