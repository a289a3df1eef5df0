#!/usr/bin/env bash
# Malformed inputs against the command line: a corpus of pipeline files, data files, embeddings, damaged
# model directories and command lines (bench/malformed/corpus.py), each run through `seqpipe` with no input
# on standard input (log lines before the error are left out of its length). Counts the exit codes, the stack traces, the messages of more than one line and the
# messages that do not name the file (or option) at fault, and lists every case that falls short.
# Usage: bench/run-malformed.sh [CLASSIFIER_MODEL_DIR TRANSLATOR_MODEL_DIR]
#   (defaults: the models of bench/run-serve.sh, trained there when missing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/bench/results/malformed"
classifier="${1:-$root/bench/results/serve/models/sentiment/model}"
translator="${2:-$root/bench/results/serve/models/ding/model}"
[ -d "$classifier" ] && [ -d "$translator" ] || { echo "train the models first: bench/run-serve.sh (or give two model directories)"; exit 1; }
rm -rf "$results" && mkdir -p "$results"
python3 "$root/bench/malformed/corpus.py" "$results/corpus" "$classifier" "$translator"
"$root/seqpipe" --version > /dev/null
total=0; exit2=0; traces=0; multiline=0; unlocated=0
: > "$results/short.txt"
while IFS=$'\t' read -r name args names; do
  total=$((total + 1))
  args="${args//\{dir\}/$results/corpus}"
  set +e
  # shellcheck disable=SC2086
  timeout 120 "$root/seqpipe" $args < /dev/null > "$results/$name.out" 2> "$results/$name.err"
  code=$?
  set -e
  problems=""
  [ "$code" -eq 2 ] && exit2=$((exit2 + 1)) || problems="exit $code"
  if grep -qE '^\s+at |Exception in thread|^Caused by' "$results/$name.err"; then traces=$((traces + 1)); problems="$problems, stack trace"; fi
  # log lines before the error ([INFO] ...) are not part of it
  lines=$(grep -v '^\s*$' "$results/$name.err" | grep -cv '^\[INFO\]' || true)
  if [ "$lines" -gt 1 ] && ! grep -qE '^[^ ]+:[0-9]+:[0-9]+: ' "$results/$name.err"; then
    multiline=$((multiline + 1)); problems="$problems, $lines lines"
  fi
  if [ -n "$names" ] && ! grep -qF -- "$(basename -- "$names")" "$results/$name.err"; then
    unlocated=$((unlocated + 1)); problems="$problems, does not name $(basename -- "$names")"
  fi
  [ -n "$problems" ] && echo "$name: ${problems#, }: $(head -c 300 "$results/$name.err" | tr '\n' ' ')" >> "$results/short.txt"
done < "$results/corpus/cases.tsv"
echo "malformed inputs: $total; exit code 2: $exit2/$total; stack traces: $traces; messages of several lines" \
  "(other than one FILE:LINE:COL line per problem): $multiline; messages not naming the file or option: $unlocated"
echo "one-line located errors: $(( total - $(cut -d: -f1 "$results/short.txt" | sort -u | wc -l) ))/$total"
cat "$results/short.txt"
