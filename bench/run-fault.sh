#!/usr/bin/env bash
# Fault injection (not CI): trains a small pipeline once uninterrupted, then 20 times killed with SIGKILL
# after a random delay and rerun in the same output directory, and compares each resumed run's last
# checkpoint (parameters and optimizer state, byte for byte) with the uninterrupted run's.
# Usage: bench/run-fault.sh [PIPELINE]   (default: the toy sentiment data written here; needs ./seqpipe built)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pipeline="${1:-}"
if [ -z "$pipeline" ]; then
  awk 'BEGIN { srand(1); split("great lovely superb fine", good); split("awful broken poor dreadful", bad);
         split("the phone was really quite and battery screen it is", filler);
         for (s = 0; s < 2; s++) { f = s ? "dev.tsv" : "train.tsv"; print "label\ttext" > f;
           for (i = 0; i < (s ? 60 : 240); i++) { p = rand() < 0.5; t = "";
             for (w = 0; w < 2 + int(rand() * 6); w++) t = t filler[1 + int(rand() * 10)] " ";
             print (p ? "positive" : "negative") "\t" t (p ? good[1 + int(rand() * 4)] : bad[1 + int(rand() * 4)]) > f } } }' \
    /dev/null
  mv train.tsv dev.tsv "$work/"
  pipeline="$work/fault.pipe"
  cat > "$pipeline" <<'PIPE'
pipeline fault : classify {
  data { train "train.tsv"; dev "dev.tsv"; test_split 0.2 }
  embeddings learned(dim: 16)
  encoder bilstm(hidden: 16, dropout: 0.3)
  pooling attention
  train { optimizer adam(lr: 0.01); epochs 6; batch 16 }
}
PIPE
fi
"$root/seqpipe" run "$pipeline" --out "$work/uninterrupted" >/dev/null 2>&1
last="$(cat "$work/uninterrupted/checkpoints/last")"
started=$(date +%s%N); "$root/seqpipe" run "$pipeline" --out "$work/timing" >/dev/null 2>&1
span_ms=$(( ($(date +%s%N) - started) / 1000000 ))
identical=0
for run in $(seq 1 20); do
  out="$work/run-$run"
  "$root/seqpipe" run "$pipeline" --out "$out" >/dev/null 2>&1 &
  child=$!
  sleep "$(awk -v r="$RANDOM" -v s="$span_ms" 'BEGIN { printf "%.3f", r / 32768 * s / 1000 }')"
  kill -9 "$child" 2>/dev/null || true
  wait "$child" 2>/dev/null || true
  "$root/seqpipe" run "$pipeline" --out "$out" >/dev/null 2>&1
  same=yes
  for file in parameters.bin optimizer.bin optimizer.json; do
    cmp -s "$work/uninterrupted/checkpoints/$last/$file" "$out/checkpoints/$last/$file" || same=no
  done
  [ "$same" = yes ] && identical=$((identical + 1))
  echo "run $run: killed, resumed, identical: $same"
done
echo "killed-and-resumed runs identical $identical/20"
