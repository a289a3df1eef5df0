#!/usr/bin/env bash
# Model server benchmark: `seqpipe serve` on loopback under the `hey` load generator (Debian's package,
# installed when missing). Classification of single sentences, and translation with greedy search and
# beam 5, at 1, 8, 32 and 128 concurrent clients, each with dynamic batching (the defaults) and with
# batching off (--max-batch-tokens 1: every request is its own batch), in one run; then a soak at half
# the classifier's peak rate with the server's RSS sampled every 10 s. Every load is bounded in time.
# Models: the sentiment example (trained here, ~1 min) and one epoch of the Ding de-en benchmark model
# on the PyTorch engine (~3 min), unless MODELS_DIR already holds them.
# Usage: [SECONDS_PER_RUN=15] [SOAK_SECONDS=600] bench/run-serve.sh [SHARED_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "${1:-$root/../shared}" && pwd)"
results="$root/bench/results/serve"
models="${MODELS_DIR:-$results/models}"
per_run="${SECONDS_PER_RUN:-15}"
soak="${SOAK_SECONDS:-600}"
command -v hey > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
mkdir -p "$results" "$models"
"$root/seqpipe" --version > /dev/null # builds the launcher's jar once
if [ ! -d "$models/sentiment/model" ]; then
  "$root/seqpipe" run "$root/examples/sentiment.pipe" --out "$models/sentiment" > "$results/train-sentiment.log" 2>&1
fi
if [ ! -d "$models/ding/model" ]; then
  SHARED="$shared" "$root/seqpipe" run "$root/bench/translate/ding-de-en.pipe" --engine pytorch \
    --set train.epochs=1 --out "$models/ding" > "$results/train-ding.log" 2>&1
fi
sentence='{"texts": ["The battery lasts all day and the screen is sharp."]}'
german='{"texts": ["Ich habe heute keine Zeit, weil ich arbeiten muss."]'

port=18089
serve() { # serve NAME=DIR [options...]: starts the server, waits for its line, sets $server
  "$root/seqpipe" serve --model "$@" --port "$port" > "$results/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q '^listening on' "$results/server.log" 2>/dev/null && return; sleep 0.1; done
  echo "the server did not start:"; cat "$results/server.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }
load() { # load LABEL MODEL BODY CLIENTS: one bounded hey run, one table row
  local out="$results/hey-$1-c$4.txt"
  hey -z 3s -c "$4" -m POST -T application/json -d "$3" "http://127.0.0.1:$port/v1/models/$2/predict" > /dev/null
  hey -z "${per_run}s" -c "$4" -m POST -T application/json -d "$3" "http://127.0.0.1:$port/v1/models/$2/predict" > "$out"
  awk -v label="$1" -v c="$4" '
    /Requests\/sec/ {rps=$2}
    /  50% in/ {p50=$3*1000} /  90% in/ {p90=$3*1000} /  99% in/ {p99=$3*1000}
    /^ +\[[0-9]+\][ \t]+[0-9]+ responses/ {gsub(/[\[\]]/, "", $1); codes = codes $1 "x" $2 " "}
    END {printf "| %s | %d | %.0f | %.1f | %.1f | %.1f | %s|\n", label, c, rps, p50, p90, p99, codes}' "$out"
}
echo "| run | clients | requests/s | p50 ms | p90 ms | p99 ms | status codes |"
echo "|---|---|---|---|---|---|---|"
for batching in on off; do
  options=(); [ "$batching" = off ] && options=(--max-batch-tokens 1)
  serve "sentiment=$models/sentiment/model" "${options[@]}"
  for c in 1 8 32 128; do load "classify, batching $batching" sentiment "$sentence" "$c"; done
  stop
  serve "ding=$models/ding/model" "${options[@]}"
  for beam in 1 5; do
    for c in 1 8 32 128; do load "translate beam $beam, batching $batching" ding "$german, \"beam\": $beam}" "$c"; done
  done
  stop
done

# soak: half the classifier's peak rate for $soak seconds, RSS every 10 s
peak=$(awk '/Requests\/sec/ {print $2}' "$results"/hey-classify,\ batching\ on-c*.txt | sort -g | tail -1)
rate=$(awk -v p="$peak" 'BEGIN {printf "%d", p / 2 / 32 + 1}')
serve "sentiment=$models/sentiment/model"
hey -z "${soak}s" -c 32 -q "$rate" -m POST -T application/json -d "$sentence" \
  "http://127.0.0.1:$port/v1/models/sentiment/predict" > "$results/hey-soak.txt" &
load_pid=$!
: > "$results/rss.tsv"
for t in $(seq 0 10 "$soak"); do
  echo -e "$t\t$(awk '/VmRSS/ {print $2}' /proc/$server/status)" >> "$results/rss.tsv"
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 10
done
wait "$load_pid" || true
stop
echo "soak: 32 clients at $rate requests/s each for ${soak} s (half of the peak $peak):" \
  "$(awk '/Requests\/sec/ {printf "%.0f requests/s", $2} /  99% in/ {printf ", p99 %.1f ms", $3*1000}' "$results/hey-soak.txt")"
awk 'NR == 1 {next} NR == 7 {warm = $2} {last = $2} END {printf "RSS after 60 s warm-up %.0f MiB, at the end %.0f MiB (%+.1f%%)\n", warm/1024, last/1024, (last-warm)*100/warm}' "$results/rss.tsv"
