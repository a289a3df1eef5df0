#!/usr/bin/env bash
# Translation quality with subword units, checkpoint averaging and ensembles, on the two benchmark pipelines of
# bench/run-translate.sh (same data, split, model and budget; PyTorch engine, one core per corpus).
#
# For each corpus, one training per row of DING / BIBLE: "word" (word-level vocabularies, as the pipeline is) or
# a number of joint BPE merges (--set subword=bpe(merges: N, joint: true, min_freq: 2)). Every training keeps its
# last AVERAGE checkpoints (train.average_last), so one training gives two models: the best epoch's parameters
# (the final model of bench/run-translate.sh; early stopping's patience of 3 keeps the best epoch among the last
# AVERAGE) and the mean of the last AVERAGE epochs. The BPE row with the best dev BLEU is then trained again with
# train.seed SEED2 on the same test split (data.split_seed 42), and the two averaged models decode as an ensemble.
# Each model decodes the test set with beam 5 and greedy; scores are sacrebleu-exact BLEU and chrF.
# The corpora run side by side, each on its own core; the runs of one corpus one after another.
#
# Runs already in bench/results/translate-subword are kept, not trained again, so the rows can be trained by
# several invocations (e.g. DING=2000 BIBLE= first, then DING=6000 ENSEMBLE=0), all with the jar the first one
# copied there; the table covers every run there. Remove the directory to start over.
#
# Usage: [DING="word 2000 6000"] [BIBLE="word 8000"] [AVERAGE=5] [SEED2=7] [ENSEMBLE=1] \
#          bench/run-translate-subword.sh [SHARED_DIR]
# (SETS="train.epochs=1 data.max_length=10" adds overrides to every training: a quick check of this script.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHARED="$(cd "${1:-$root/../shared}" && pwd)"
results="$root/bench/results/translate-subword"
average="${AVERAGE:-5}"
seed2="${SEED2:-7}"
ensemble="${ENSEMBLE:-1}"
declare -A rows=([ding-de-en]="${DING-word 2000 6000}" [bible-es-en]="${BIBLE-word 8000}")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
mkdir -p "$results"
if [ ! -f "$results/seqpipe.jar" ]; then # every run uses this copy, whatever is rebuilt meanwhile
  "$root/seqpipe" validate "$root/bench/translate/ding-de-en.pipe" > /dev/null # builds the launcher's jar
  cp "$root/pipelines/target/seqpipe.jar" "$results/seqpipe.jar"
fi
export OMP_NUM_THREADS=1 GOMP_SPINCOUNT=0 OMP_WAIT_POLICY=PASSIVE OPT_OUT_TRACKING=true DJL_OFFLINE=true
java_options=(-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1)
seqpipe() { java "${java_options[@]}" -jar "$results/seqpipe.jar" "$@"; }
sets=()
for set in ${SETS:-}; do sets+=(--set "$set"); done

# train CORPUS ROW SEED: one training into $results/CORPUS-ROW[-sSEED], unless it is there
train() {
  local corpus=$1 row=$2 seed=$3 name="$1-$2" subword=()
  [ "$seed" = 42 ] || name="$name-s$seed"
  [ "$row" = word ] || subword=(--set "subword=bpe(merges: $row, joint: true, min_freq: 2)")
  [ -f "$results/$name/best.greedy.json" ] && return
  [ -f "$results/$name/report.json" ] || /usr/bin/time -v -o "$results/$name.time" java "${java_options[@]}" -jar "$results/seqpipe.jar" -q run "$root/bench/translate/$corpus.pipe" --out "$results/$name" \
    --set train.average_last="$average" --set train.seed="$seed" --set data.split_seed=42 "${subword[@]}" "${sets[@]}" \
    > "$results/$name.log" 2>&1
  # The best epoch's model: the averaged model directory with the best checkpoint's parameters.
  local best
  best=$(python3 -c 'import json,sys; print("epoch-%04d" % json.load(open(sys.argv[1]))["training"]["bestEpoch"])' \
    "$results/$name/report.json")
  [ -f "$results/$name/checkpoints/$best/parameters.bin" ] || { echo "$name: $best was not kept" >&2; exit 1; }
  rm -rf "$results/$name/best-model" && cp -r "$results/$name/model" "$results/$name/best-model"
  cp "$results/$name/checkpoints/$best/parameters.bin" "$results/$name/best-model/parameters.bin"
  decode "$results/$name/best" "$results/$name/test.src" --model "$results/$name/best-model"
}

# decode PREFIX SOURCES MODEL-OPTIONS...: PREFIX.hyp (beam 5) and PREFIX.greedy.hyp, each scored to PREFIX*.json
decode() {
  local prefix=$1 sources=$2 ref
  shift 2
  ref="$(dirname "$sources")/test.ref"
  seqpipe -q translate "$@" --input "$sources" --output "$prefix.hyp" --beam 5
  seqpipe -q translate "$@" --input "$sources" --output "$prefix.greedy.hyp" --beam 1
  for hyp in "$prefix.hyp" "$prefix.greedy.hyp"; do
    rm -f "$hyp.progress"*
    { seqpipe -q score bleu --json --hyp "$hyp" --ref "$ref"; seqpipe -q score chrf --json --hyp "$hyp" --ref "$ref"; } \
      | python3 -c 'import json,sys; d=json.JSONDecoder(); s=sys.stdin.read().strip(); a,i=d.raw_decode(s); b,_=d.raw_decode(s[i:].strip()); print(json.dumps({"bleu": a["score"], "chrf": b["score"]}))' \
      > "${hyp%.hyp}.json"
  done
}

queue() {
  local corpus=$1 row best=""
  for row in ${rows[$corpus]}; do
    train "$corpus" "$row" 42
  done
  best=$(python3 - "$results" "$corpus" ${rows[$corpus]} <<'PY'
import json, sys
results, corpus, rows = sys.argv[1], sys.argv[2], [r for r in sys.argv[3:] if r != "word"]
dev = {r: json.load(open(f"{results}/{corpus}-{r}/report.json"))["training"]["bestMetric"] for r in rows}
print(max(dev, key=dev.get) if dev else "")
PY
)
  if [ -n "$best" ] && [ "$ensemble" = 1 ]; then
    train "$corpus" "$best" "$seed2"
    mkdir -p "$results/$corpus-ensemble"
    [ -f "$results/$corpus-ensemble/ensemble.greedy.json" ] || decode "$results/$corpus-ensemble/ensemble" "$results/$corpus-$best/test.src" \
      --model "$results/$corpus-$best/model" --model "$results/$corpus-$best-s$seed2/model"
    cp "$results/$corpus-$best/test.ref" "$results/$corpus-ensemble/test.ref"
    echo "$best" > "$results/$corpus-ensemble/members"
  fi
}

for corpus in ding-de-en bible-es-en; do
  [ -z "${rows[$corpus]}" ] || queue "$corpus" > "$results/$corpus.queue.log" 2>&1 &
done
wait

python3 - "$results" "$seed2" <<'PY' | tee "$results/summary.md"
import glob, json, os, re, sys
results, seed2 = sys.argv[1], sys.argv[2]
print("| corpus | units | model | test BLEU, beam 5 | test chrF, beam 5 | test BLEU, greedy | test chrF, greedy "
      "| best dev BLEU (greedy) | training | vocabularies (source / target) | test tokens unseen in training "
      "(source / target) | peak memory |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
def scores(prefix):
    beam, greedy = (json.load(open(f"{prefix}{s}.json")) for s in ("", ".greedy"))
    return f"{beam['bleu']:.1f} | {beam['chrf']:.1f} | {greedy['bleu']:.1f} | {greedy['chrf']:.1f}"
for corpus in ("ding-de-en", "bible-es-en"):
    runs = sorted((d for d in glob.glob(f"{results}/{corpus}-*/report.json")),
                  key=lambda p: (not p.split("/")[-2].endswith("-word"), len(p), p))
    for path in runs:
        run = os.path.dirname(path)
        name = os.path.basename(run)[len(corpus) + 1:]
        r = json.load(open(path))
        m, t = r["metrics"], r["training"]
        units = "word" if name.startswith("word") else f"BPE {name.split('-')[0]} (joint)"
        seed = f", seed {seed2}" if name.endswith(f"-s{seed2}") else ""
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(run + ".time").read()).group(1))
        common = (f"| {t['bestMetric']:.1f} (epoch {t['bestEpoch']}) | {r['seconds'] / 60:.0f} min, {t['epoch']} epochs "
                  f"| {r['vocabulary_size']['source']:,} / {r['vocabulary_size']['target']:,} "
                  f"| {100 * r['unseen_test_tokens']['source']:.2f}% / {100 * r['unseen_test_tokens']['target']:.2f}% "
                  f"| {rss / 2**20:.1f} GiB |")
        print(f"| {corpus} | {units} | best epoch{seed} | {scores(run + '/best')} {common}")
        avg = f"| {m['bleu']:.1f} | {m['chrf']:.1f} | {m['bleu_greedy']:.1f} | {m['chrf_greedy']:.1f}"
        print(f"| {corpus} | {units} | average of last {len(r['averaged']['epochs'])}{seed} {avg} {common}")
    members = f"{results}/{corpus}-ensemble/members"
    if os.path.exists(members):
        best = open(members).read().strip()
        print(f"| {corpus} | BPE {best} (joint) | ensemble: averages of seeds 42 and {seed2} "
              f"| {scores(f'{results}/{corpus}-ensemble/ensemble')} | | | | | |")
print()
for corpus in ("ding-de-en", "bible-es-en"):
    for path in sorted(glob.glob(f"{results}/{corpus}-*/report.json"))[:1]:
        m = json.load(open(path))["metrics"]
        print(f"{corpus}: BLEU {m['bleu_signature']}, chrF {m['chrf_signature']}")
PY
