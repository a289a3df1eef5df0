#!/usr/bin/env bash
# seqpipe translate against seqpipe spark translate (local[1], local[2], and a standalone cluster on loopback
# with one and with two workers of one core each): sentences/s, start-up overhead, the speed-up from one to
# two workers, and a check that every output is byte for byte the single-process one. For the speed-up, the
# same split without Spark: two one-core seqpipe translate processes side by side, each on half the input; and
# for the host itself, two copies of a register-only arithmetic loop against one, before and after the jobs.
#
#   bench/run-spark.sh [MODEL_DIR] [LINES]      # LINES: default 20000 Bible verses, beam 5
#
# Without MODEL_DIR it trains one epoch of bench/translate/bible-es-en.pipe first (and says so).
# One core means one core: each one-core process, and each worker with the executors it starts, is pinned to a
# core of its own (taskset), as on a machine or container of one core, so that a lone one-core process cannot
# run its compiler and collector threads on the idle core; the driver and master are not pinned. PIN=no (or a
# machine without taskset or with one core) runs them unpinned.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
lines="${2:-20000}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export SPARK_LOCAL_IP=127.0.0.1
loopback=(--conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false)

model="${1:-}"
if [ -z "$model" ]; then
  echo "no model given: training one epoch of bench/translate/bible-es-en.pipe" >&2
  ./seqpipe run bench/translate/bible-es-en.pipe --set train.epochs=1 --out "$work/train" >&2
  model="$work/train/model"
fi

source="$root/../shared/data/translation/bible-es-en/train.es"
: > "$work/in.es"
while [ "$(wc -l < "$work/in.es")" -lt "$lines" ]; do cat "$source" >> "$work/in.es"; done
head -n "$lines" "$work/in.es" > "$work/input.es"
head -n 1 "$work/in.es" > "$work/one.es"
quietly() { # COMMAND...: its output to the log; on failure, the command and the log's end, and exit
  "$@" > /dev/null 2>>"$work/log" || { echo "failed: $*" >&2; tail -n 20 "$work/log" >&2; exit 1; }
}
seconds() {
  local start end
  start=$(date +%s.%N)
  quietly "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
# builds both jars and writes their class archives (the launcher's class data sharing) outside the timings, and
# stops at once on a model or input the jobs cannot read
quietly ./seqpipe translate --model "$model" --input "$work/one.es" --output "$work/warm.en" --beam 5
quietly ./seqpipe spark translate --model "$model" --input "$work/one.es" --output "$work/warm" --beam 5 \
  --master "local[1]" "${loopback[@]}"
# What the host gives two processes at the time: two copies of a register-only arithmetic loop against one
# (bench/cpu-pair.c), before the jobs and after them; a ceiling for any two-process figure of the same run.
host_pair() { # WHEN
  command -v cc > /dev/null || { echo "host ($1): no C compiler, not measured"; return 0; }
  [ -x "$work/cpu-pair" ] || cc -O3 -march=native -o "$work/cpu-pair" "$root/bench/cpu-pair.c"
  local one pair
  one=$("$work/cpu-pair" 3000000000 | cut -d' ' -f1)
  pair=$( ("$work/cpu-pair" 3000000000 & "$work/cpu-pair" 3000000000; wait) | cut -d' ' -f1 | paste -sd' ')
  printf 'host (%s): one copy of a register-only loop %s GFLOPS, two side by side %s: %.2fx\n' "$1" "$one" \
    "$pair" "$(echo "(${pair/ /+}) / $one" | bc -l)"
}
host_pair "before the jobs"
pinning=no
if [ "${PIN:-yes}" != no ] && command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then pinning=yes; fi
echo "one-core processes and workers pinned to cores of their own: $pinning"
pin() { # CORE COMMAND...: the command on that core alone, where pinning is on
  local core="$1"
  shift
  if [ "$pinning" = yes ]; then taskset -c "$core" "$@"; else "$@"; fi
}

# sentences/s over the whole run, and after the start-up (the run of one line) when the run is longer than that
report() { # NAME OVERHEAD TOTAL
  printf '%-42s %6.1f s start-up %7.1f s total %7.1f sentences/s' "$1" "$2" "$3" "$(echo "$lines / $3" | bc -l)"
  if [ "$(echo "$3 > $2" | bc)" = 1 ]; then
    printf ', %7.1f after start-up\n' "$(echo "$lines / ($3 - $2)" | bc -l)"
  else
    printf ', start-up dominates\n'
  fi
}
same() { cmp -s "$work/single.en" <(cat "$1"/part-*) || { echo "$1: differs from seqpipe translate" >&2; exit 1; }; }

overhead=$(seconds ./seqpipe translate --model "$model" --input "$work/one.es" --output "$work/one.en" --beam 5)
total=$(seconds ./seqpipe translate --model "$model" --input "$work/input.es" --output "$work/single.en" --beam 5)
report "seqpipe translate" "$overhead" "$total"

# The machine's own ceiling for two one-core workers, without Spark: seqpipe translate with one engine thread and
# one search thread (--threads 1) on the whole input, and two such processes side by side on its two halves (whole
# windows of 2,000 lines), whose outputs, concatenated, must be the single-process output too.
one_core=(env OMP_NUM_THREADS=1 SEQPIPE_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1")
window=2000   # seqpipe translate's default --window: halves of whole windows batch as the whole input does
half=$(( lines / 2 / window * window ))
if [ "$half" -gt 0 ]; then
  head -n "$half" "$work/input.es" > "$work/first.es"
  tail -n +"$((half + 1))" "$work/input.es" > "$work/second.es"
  halves() {
    pin 0 "${one_core[@]}" ./seqpipe translate --model "$model" --input "$work/first.es" --output "$work/first.en" --beam 5 --threads 1 &
    local first=$!
    pin 1 "${one_core[@]}" ./seqpipe translate --model "$model" --input "$work/second.es" --output "$work/second.en" --beam 5 --threads 1
    wait "$first"
  }
  whole=$(seconds pin 0 "${one_core[@]}" ./seqpipe translate --model "$model" --input "$work/input.es" --output "$work/one-core.en" --beam 5 --threads 1)
  report "seqpipe translate, 1 thread" "$overhead" "$whole"
  pair=$(seconds halves)
  cmp -s "$work/single.en" <(cat "$work/first.en" "$work/second.en") || { echo "halves: differ from seqpipe translate" >&2; exit 1; }
  report "2 x seqpipe translate, 1 thread, halves" "$overhead" "$pair"
  printf 'two one-core processes against one, without Spark (total times): %.2fx\n' "$(echo "$whole / $pair" | bc -l)"
fi

spark_run() { # NAME MASTER [SPARK OPTIONS]
  local o t name="$1" master="$2"
  shift 2
  o=$(seconds ./seqpipe spark translate --model "$model" --input "$work/one.es" --output "$work/$name-one" --beam 5 --master "$master" "${loopback[@]}" "$@")
  t=$(seconds ./seqpipe spark translate --model "$model" --input "$work/input.es" --output "$work/$name" --beam 5 --master "$master" "${loopback[@]}" "$@")
  same "$work/$name"
  report "spark translate $name" "$o" "$t"
  echo "$t" > "$work/$name.seconds"
  echo "$o" > "$work/$name.startup"
}
spark_run "local[1]" "local[1]"
spark_run "local[2]" "local[2]"

# a standalone cluster on loopback: its processes run from the same jar, as from a Spark distribution's jars/
jar="$root/spark/target/seqpipe-spark.jar"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$work/spark-home/logs"
mkdir -p "$SPARK_HOME/jars" && ln -s "$jar" "$SPARK_HOME/jars/"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED)
port=$((7000 + RANDOM % 1000))
webui=$((port + 1000))
java "${opens[@]}" -Xmx512m -cp "$jar" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port "$webui" >> "$work/master.log" 2>&1 &
worker() { # N: pinned to core N-1
  pin $(($1 - 1)) java "${opens[@]}" -Xmx512m -cp "$jar" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
    --memory 3g --webui-port 0 --work-dir "$work/worker-$1" "spark://127.0.0.1:$port" >> "$work/worker-$1.log" 2>&1 &
}
workers() { # COUNT: waits until the master has COUNT live workers
  for _ in $(seq 240); do
    [ "$(curl -s "http://127.0.0.1:$webui/json/" | grep -o '"ALIVE"' | wc -l)" -ge "$1" ] && return 0
    sleep 0.5
  done
  echo "no $1 live workers after 120 s" >&2; tail -n 20 "$work"/*.log >&2; exit 1
}
# executors get the launcher's MKL dispatch library as a cluster's would (README, "Engines"), when it has one
executor_env=()
dispatch="$root/pipelines/target/native/libseqpipe-mkl-dispatch.so"
[ -e "$dispatch" ] && executor_env=(--conf "spark.executorEnv.LD_PRELOAD=$dispatch")
worker 1
workers 1
spark_run "standalone-1-worker" "spark://127.0.0.1:$port" "${executor_env[@]}"
worker 2
workers 2
spark_run "standalone-2-workers" "spark://127.0.0.1:$port" "${executor_env[@]}"
one="$(cat "$work/standalone-1-worker.seconds")" one_startup="$(cat "$work/standalone-1-worker.startup")"
two="$(cat "$work/standalone-2-workers.seconds")" two_startup="$(cat "$work/standalone-2-workers.startup")"
printf 'speed-up from one to two workers: %.2fx (total times), %.2fx after start-up\n' \
  "$(echo "$one / $two" | bc -l)" "$(echo "($one - $one_startup) / ($two - $two_startup)" | bc -l)"
host_pair "after the jobs"
