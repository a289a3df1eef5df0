#!/usr/bin/env bash
# Classification benchmark: Seqpipe on both engines (MXNet, PyTorch) against the PyTorch peer
# (bench/peers/classify_peer.py), same architecture, same data and split, alternating on the same machine, with
# learned and GloVe embeddings, on UCI sentiment sentences and SpamAssassin; peak memory (RSS) of each run.
# Every run is made with each engine-thread count of THREADS (the peer with as many torch threads), so that each
# side can be compared at its fastest setting as well as at equal ones.
# Installs Debian's python3-torch if it is missing.
# Usage: [THREADS="1 2"] bench/run-classify.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
results="$root/bench/results/classify"
python=/usr/bin/python3
# Debian's torch calls the system BLAS: without OpenBLAS installed that is the slow reference BLAS.
if ! "$python" -c "import torch" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), torch $("$python" -c 'import torch; print(torch.__version__)') with $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
rm -rf "$results" && mkdir -p "$results"
export BENCH_DATA="$results/data"
"$python" "$root/bench/classify/split.py" "$shared/data/sentiment/uci-sentences/train.tsv" \
  "$shared/data/sentiment/uci-sentences/dev.tsv" "$BENCH_DATA/sentiment"
"$python" "$root/bench/classify/split.py" "$shared/data/classification/spam-assassin/train.jsonl" \
  "$shared/data/classification/spam-assassin/dev.jsonl" "$BENCH_DATA/spam"
glove="$shared/data/embeddings/glove.6B.100d.top50k.txt"
export GOMP_SPINCOUNT=0
"$root/seqpipe" --version > /dev/null # builds the launcher's jar once, before any timing
for threads in ${THREADS:-1 2}; do
  export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads"
  export SEQPIPE_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
  for task in sentiment spam; do
    if [ "$task" = sentiment ]; then ext=tsv; peer_args=(--max-length 400 --min-freq 1 --max-size 20000 --epochs 10)
    else ext=jsonl; peer_args=(--max-length 64 --min-freq 2 --max-size 30000 --epochs 5); fi
    for emb in learned glove; do
      sets=()
      glove_args=()
      if [ "$emb" = glove ]; then sets=(--set "embeddings=glove(\"$glove\", frozen: true)"); glove_args=(--glove "$glove"); fi
      for engine in mxnet pytorch; do
        run="seqpipe-$task-$emb-$engine-t$threads"
        echo "== $task, $emb embeddings, $threads threads: Seqpipe, $engine"
        /usr/bin/time -v -o "$results/$run.time" "$root/seqpipe" run "$root/bench/classify/$task.pipe" \
          "${sets[@]}" --set train.engine="$engine" --out "$results/$run" 2>&1 | grep -v '^epoch'
      done
      peer="peer-$task-$emb-t$threads"
      echo "== $task, $emb embeddings, $threads threads: PyTorch peer"
      /usr/bin/time -v -o "$results/$peer.time" "$python" "$root/bench/peers/classify_peer.py" \
        --train "$BENCH_DATA/$task/train.$ext" --dev "$BENCH_DATA/$task/dev.$ext" --test "$BENCH_DATA/$task/test.$ext" --format "$ext" "${peer_args[@]}" "${glove_args[@]}" \
        --threads "$threads" > "$results/$peer.json"
      "$python" -c "import json,sys; r=json.load(open(sys.argv[1])); print('test acc %.4f macro-F1 %.4f, %.0f tok/s' % (r['test_accuracy'], r['test_f1_macro'], r['train_tokens_per_second']))" "$results/$peer.json"
    done
  done
done
"$python" "$root/bench/classify/summarize.py" "$results" | tee "$results/summary.md"
