#!/usr/bin/env bash
# BPE learning speed: Seqpipe's BpeLearner against SentencePiece's spm_train --model_type=bpe (Debian's
# sentencepiece package, installed when missing), both pinned to one core (taskset), on the Bible es-en
# training data (both languages), the same number of merges: spm's vocabulary size is set to the merges
# plus the distinct characters plus its three special pieces. Alternates the two, RUNS times each.
# Usage: [MERGES=16000] [RUNS=3] bench/run-bpe.sh [SHARED_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
merges="${MERGES:-16000}"
runs="${RUNS:-3}"
results="$root/bench/results/bpe"
command -v spm_train > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sentencepiece; }
mkdir -p "$results"
data="$shared/data/translation/bible-es-en"
cat "$data/train.es" "$data/train.en" > "$results/train.txt"
(cd "$root" && mvn -B -q -DskipTests install -pl nlp-core -am)
mvn -B -q -f "$root/bench/pom.xml" compile > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(dpkg-query -W -f='sentencepiece ${Version}' sentencepiece)"
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  taskset -c 0 mvn -B -q -f "$root/bench/pom.xml" exec:exec -Dbench.main=io.seqpipe.bench.BpeBenchmark \
    -Dbench.args="$merges $results/seqpipe.codes $results/train.txt" | tee "$results/seqpipe-$run.txt"
  chars=$(grep -o '[0-9]* characters' "$results/seqpipe-$run.txt" | cut -d' ' -f1)
  vocab=$((merges + chars + 3))
  start=$(date +%s.%N)
  taskset -c 0 spm_train --input="$results/train.txt" --model_prefix="$results/spm" --model_type=bpe \
    --vocab_size="$vocab" --num_threads=1 --character_coverage=1.0 --input_sentence_size=0 \
    --minloglevel=2 > "$results/spm-$run.log" 2>&1
  end=$(date +%s.%N)
  echo "spm_train --model_type=bpe --vocab_size=$vocab --num_threads=1: $(echo "$end - $start" | bc) s"
done
