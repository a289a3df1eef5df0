#!/usr/bin/env python3
"""Writes a corpus of malformed inputs for `bench/run-malformed.sh`: pipeline files, data files, embeddings,
model directories and command lines, each a case `NAME<TAB>ARGUMENTS<TAB>FILE-THE-MESSAGE-MUST-NAME` in
cases.tsv (arguments split on spaces; {dir} is the corpus directory; the named file may be empty for
command-line mistakes, where the option must be named instead)."""
import os
import struct
import sys

out = sys.argv[1]
model = sys.argv[2]          # a trained classifier directory, copied and damaged
translator = sys.argv[3]     # a trained translator directory
os.makedirs(out, exist_ok=True)
cases = []


def write(name, content, mode="w"):
    path = os.path.join(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(content)
    return path


def case(name, args, names):
    cases.append((name, args, names))


write("train.tsv", "label\ttext\npositive\tgreat phone\nnegative\tbroken screen\n")
write("dev.tsv", "label\ttext\npositive\tlovely\nnegative\tpoor\n")
write("c.de", "a b\nc d\n")
write("c.en", "A B\nC D\n")
HEAD = 'pipeline p : classify {\n  data { train "train.tsv"; dev "dev.tsv" }\n'
T_HEAD = 'pipeline t : translate {\n  source de\n  target en\n  data { train "c"; dev "c" }\n'

# pipeline files: syntax and values
pipes = {
    "unclosed-block": HEAD,
    "stray-char": HEAD + "  @epochs 3\n}\n",
    "equals": HEAD + "  train { epochs = 3 }\n}\n",
    "missing-colon": "pipeline p classify {\n}\n",
    "unterminated-string": 'pipeline p : classify {\n  data { train "train.tsv }\n}\n',
    "unknown-kind": "pipeline p : summarize {\n}\n",
    "unknown-encoder": HEAD + "  encoder transformer\n}\n",
    "unknown-pooling": HEAD + "  pooling maximum\n}\n",
    "unknown-optimizer": HEAD + "  train { optimizer adamm }\n}\n",
    "unknown-schedule": HEAD + "  train { schedule cosin }\n}\n",
    "unknown-analyzer": HEAD + "  analyzer klingon\n}\n",
    "unknown-filter": HEAD + "  analyzer standard { lowercaze }\n}\n",
    "unknown-entry": HEAD + "  trian { epochs 3 }\n}\n",
    "unknown-param": HEAD + "  encoder bilstm(hiden: 3)\n}\n",
    "lr-zero": HEAD + "  train { optimizer adam(lr: 0) }\n}\n",
    "epochs-text": HEAD + '  train { epochs "ten" }\n}\n',
    "dropout-high": HEAD + "  encoder bilstm(dropout: 1.5)\n}\n",
    "hidden-zero": HEAD + "  encoder bilstm(hidden: 0)\n}\n",
    "bool-number": HEAD + "  encoder lstm(residual: 1)\n}\n",
    "test-split": 'pipeline p : classify {\n  data { train "train.tsv"; dev "dev.tsv"; test_split 0.9 }\n}\n',
    "max-below-min": 'pipeline p : classify {\n  data { train "train.tsv"; dev "dev.tsv"; min_length 5; max_length 3 }\n}\n',
    "missing-train": 'pipeline p : classify {\n  data { train "nope.tsv"; dev "dev.tsv" }\n}\n',
    "missing-data": "pipeline p : classify {\n}\n",
    "missing-stopwords": HEAD + '  analyzer standard { stop(words: "res/none.txt") }\n}\n',
    "missing-vectors": HEAD + '  embeddings glove("none.txt")\n}\n',
    "undefined-variable": 'pipeline p : classify {\n  data { train "${nowhere}/t.tsv"; dev "dev.tsv" }\n}\n',
    "missing-include": 'include "none.pipe"\n' + HEAD + "}\n",
    "dataset-in-translate": T_HEAD.replace('data { train "c"', 'data { dataset uci-sentiment; train "c"') + "}\n",
    "pooling-in-translate": T_HEAD + "  pooling mean\n}\n",
    "weights-in-translate": T_HEAD + "  train { class_weights balanced }\n}\n",
    "search-in-classify": HEAD + "  search greedy\n}\n",
    "dot-widths": T_HEAD + "  encoder bilstm(hidden: 64)\n  decoder lstm(hidden: 100, attention: luong_dot)\n}\n",
    "tied-widths": T_HEAD + "  embeddings learned(dim: 64)\n  decoder lstm(hidden: 128, tie_embeddings: true)\n}\n",
    "glove-in-translate": T_HEAD + '  embeddings glove("c.en")\n}\n',
    "nbest-over-beam": T_HEAD + "  search beam(size: 2, n_best: 3)\n}\n",
    "bad-language": T_HEAD.replace("source de", "source German") + "}\n",
    "early-stop-chrf": T_HEAD + "  train { early_stop(metric: chrf) }\n}\n",
    "subword-zero": T_HEAD + "  subword bpe(merges: 0)\n}\n",
    "device-typo": HEAD + '  train { device "gpu0" }\n}\n',
    "engine-typo": HEAD + "  train { engine pytorh }\n}\n",
    "duplicate-key": HEAD + "  pooling mean\n  pooling max\n}\n",
    "deep-nesting": HEAD + "  evaluate " + "[" * 2000 + "]" * 2000 + "\n}\n",
    "long-name": HEAD + "  pooling " + "x" * 100000 + "\n}\n",
    "control-chars": HEAD + '  train { device "\x07\x1b[31m" }\n}\n',
    "two-pipelines": HEAD + "}\npipeline q : classify {\n}\n",
}
for name, text in pipes.items():
    case("pipe-" + name, "validate {dir}/" + name + ".pipe", name + ".pipe")
    write(name + ".pipe", text)
write("cycle-a.pipe", 'include "cycle-b.pipe"\n')
write("cycle-b.pipe", 'include "cycle-a.pipe"\n')
write("cycle.pipe", 'include "cycle-a.pipe"\n' + HEAD + "}\n")
case("pipe-include-cycle", "validate {dir}/cycle.pipe", "cycle")
write("dev-zero.pipe", 'include "/dev/zero"\n' + HEAD + "}\n")
case("pipe-include-device", "validate {dir}/dev-zero.pipe", "/dev/zero")
write("big.pipe", HEAD + "# " + "x" * (2 << 20) + "\n}\n")
case("pipe-too-large", "validate {dir}/big.pipe", "big.pipe")
write("latin1.pipe", (HEAD + '  pooling "caf\xe9"\n}\n').encode("latin-1"), "wb")
case("pipe-invalid-utf8", "validate {dir}/latin1.pipe", "latin1.pipe")
write("empty.pipe", "")
case("pipe-empty", "validate {dir}/empty.pipe", "empty.pipe")
write("notes.txt", "hello\n")
case("pipe-wrong-extension", "validate {dir}/notes.txt", "notes.txt")
case("pipe-missing-file", "validate {dir}/nothing.pipe", "nothing.pipe")
case("pipe-directory", "validate {dir}", "")

yamls = {
    "malformed": "pipeline: p\nkind: classify\ndata:\n  train: a\n dev: b\n",
    "list-root": "- a\n- b\n",
    "alias": "pipeline: p\nkind: classify\ndata: &d {train: train.tsv, dev: dev.tsv}\nother: *d\n",
    "escaping-name": "pipeline: ../escaped\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\n",
    "unknown-type": "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\nencoder: {type: transformer}\n",
    "string-number": "pipeline: p\nkind: classify\ndata: {train: train.tsv, dev: dev.tsv}\ntrain:\n  epochs: ten\n",
    "duplicate-key": "pipeline: p\nkind: classify\nkind: translate\n",
    "empty": "",
    "deep": "pipeline: p\nkind: classify\nx: " + "[" * 1500 + "]" * 1500 + "\n",
    "bom-and-tabs": "\ufeffpipeline: p\nkind: classify\n\tdata: x\n",
}
for name, text in yamls.items():
    write("yaml-" + name + ".yaml", text)
    case("yaml-" + name, "validate {dir}/yaml-" + name + ".yaml", "yaml-" + name + ".yaml")

# data files, read by `run` before any training
data = {
    "no-label-column": ("x.tsv", "text\nonly text\n"),
    "empty-tsv": ("x.tsv", ""),
    "header-only": ("x.tsv", "label\ttext\n"),
    "one-label": ("x.tsv", "label\ttext\npositive\ta\npositive\tb\n"),
    "latin1-tsv": ("x.tsv", "label\ttext\npositive\tcaf\xe9\n".encode("latin-1")),
    "broken-jsonl": ("x.jsonl", '{"label": "a", "text": "b"}\n{"label": "a", "text": \n'),
    "jsonl-no-text": ("x.jsonl", '{"label": "a"}\n'),
    "csv-quote": ("x.csv", 'label,text\npositive,"unclosed\n'),
    "directory": ("x.tsv", None),
    "long-line": ("x.tsv", "label\ttext\npositive\t" + "w " * 700000 + "\n"),
}
for name, (file, content) in data.items():
    d = os.path.join(out, "data-" + name)
    os.makedirs(d, exist_ok=True)
    if content is None:
        os.makedirs(os.path.join(d, file), exist_ok=True)
    else:
        write(os.path.join("data-" + name, file), content, "wb" if isinstance(content, bytes) else "w")
    write(os.path.join("data-" + name, "dev.tsv"), "label\ttext\npositive\tlovely\nnegative\tpoor\n")
    write(os.path.join("data-" + name, "p.pipe"),
          'pipeline p : classify {\n  data { train "' + file + '"; dev "dev.tsv" }\n  train { epochs 1 }\n}\n')
    case("data-" + name, "run {dir}/data-" + name + "/p.pipe --out {dir}/out-" + name, file)
d = os.path.join(out, "data-misaligned")
write("data-misaligned/c.de", "a\nb\nc\n")
write("data-misaligned/c.en", "A\nB\n")
write("data-misaligned/p.pipe", 'pipeline t : translate {\n  source de\n  target en\n  data { train "c"; dev "c" }\n}\n')
case("data-misaligned", "run {dir}/data-misaligned/p.pipe --out {dir}/out-misaligned", "c.en")

# embeddings
vectors = {
    "nan": "the 0.1 NaN 0.3\n",
    "inf": "the 0.1 Infinity 0.3\n",
    "ragged": "the 0.1 0.2 0.3\nphone 0.1 0.2\n",
    "not-number": "the 0.1 zero 0.3\n",
    "empty": "",
}
for name, text in vectors.items():
    write("vec-" + name + "/v.txt", text)
    write("vec-" + name + "/train.tsv", "label\ttext\npositive\tgreat phone\nnegative\tbroken screen\n")
    write("vec-" + name + "/dev.tsv", "label\ttext\npositive\tlovely\nnegative\tpoor\n")
    write("vec-" + name + "/p.pipe", 'pipeline p : classify {\n  data { train "train.tsv"; dev "dev.tsv" }\n'
          '  embeddings glove("v.txt")\n  train { epochs 1 }\n}\n')
    case("vectors-" + name, "run {dir}/vec-" + name + "/p.pipe --out {dir}/out-vec-" + name, "v.txt")
for name, header in {"huge-dim": b"1 100000000\n", "negative": b"-5 3\n", "words": b"three four\n"}.items():
    write("bin-" + name + "/v.bin", header + b"the " + struct.pack("<3f", 0.1, 0.2, 0.3), "wb")
    write("bin-" + name + "/train.tsv", "label\ttext\npositive\tgreat phone\nnegative\tbroken screen\n")
    write("bin-" + name + "/dev.tsv", "label\ttext\npositive\tlovely\nnegative\tpoor\n")
    write("bin-" + name + "/p.pipe", 'pipeline p : classify {\n  data { train "train.tsv"; dev "dev.tsv" }\n'
          '  embeddings word2vec-binary("v.bin")\n  train { epochs 1 }\n}\n')
    case("vectors-binary-" + name, "run {dir}/bin-" + name + "/p.pipe --out {dir}/out-bin-" + name, "v.bin")

# model directories
import shutil


def damaged(name, damage):
    d = os.path.join(out, "model-" + name)
    shutil.copytree(model, d)
    damage(d)
    case("model-" + name, "predict --model " + d + " --input {dir}/dev.tsv", "model-" + name)


def truncate(d):
    p = os.path.join(d, "parameters.bin")
    with open(p, "rb+") as f:
        f.truncate(os.path.getsize(p) // 2)


def flip(d):
    p = os.path.join(d, "parameters.bin")
    with open(p, "rb+") as f:
        f.seek(os.path.getsize(p) // 2)
        b = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([b[0] ^ 0xFF]))


damaged("truncated", truncate)
damaged("bit-flip", flip)
damaged("no-manifest", lambda d: os.remove(os.path.join(d, "manifest.json")))
damaged("no-parameters", lambda d: os.remove(os.path.join(d, "parameters.bin")))
damaged("no-vocabulary", lambda d: os.remove(os.path.join(d, "vocabulary.txt")))
damaged("bad-manifest", lambda d: open(os.path.join(d, "manifest.json"), "w").write("{not json"))
damaged("other-format", lambda d: open(os.path.join(d, "manifest.json"), "w").write('{"format": 99, "kind": "classify"}'))
damaged("other-kind", lambda d: open(os.path.join(d, "manifest.json"), "w").write(
    open(os.path.join(model, "manifest.json")).read().replace('"classify"', '"forecast"')))
case("model-missing", "predict --model {dir}/no-model --input {dir}/dev.tsv", "no-model")
case("model-is-file", "predict --model {dir}/dev.tsv --input {dir}/dev.tsv", "dev.tsv")
case("model-wrong-kind-predict", "predict --model " + translator + " --input {dir}/dev.tsv", translator)
case("model-wrong-kind-translate", "translate --model " + model + " --input {dir}/dev.tsv --output {dir}/o.txt", model)
case("model-wrong-kind-evaluate", "evaluate --model " + translator + " --data {dir}/dev.tsv", translator)

# command lines and their inputs
write("latin1.txt", "caf\xe9\n".encode("latin-1"), "wb")
write("in.de", "a b\nc d\n")
write("gold-gap.txt", "a\n\nb\n")
write("pred3.txt", "a\nb\nc\n")
cli = [
    ("unknown-command", "fly", ""),
    ("unknown-option", "validate {dir}/unknown-entry.pipe --colour", "--colour"),
    ("missing-model-option", "predict --input {dir}/dev.tsv", "--model"),
    ("beam-zero", "translate --model " + translator + " --input {dir}/in.de --output {dir}/o1.en --beam 0", "beam"),
    ("n-best-over-beam", "translate --model " + translator + " --input {dir}/in.de --output {dir}/o2.en --beam 2 --n-best 3", "n_best"),
    ("beam-not-number", "translate --model " + translator + " --input {dir}/in.de --output {dir}/o3.en --beam wide", "--beam"),
    ("output-is-input", "translate --model " + translator + " --input {dir}/in.de --output {dir}/in.de", "in.de"),
    ("translate-latin1", "translate --model " + translator + " --input {dir}/latin1.txt --output {dir}/o4.en", "latin1.txt"),
    ("predict-latin1", "predict --model " + model + " --input {dir}/latin1.txt", "latin1.txt"),
    ("predict-missing-input", "predict --model " + model + " --input {dir}/none.txt", "none.txt"),
    ("evaluate-empty", "evaluate --model " + model + " --data {dir}/data-header-only/x.tsv", "x.tsv"),
    ("score-misaligned", "score bleu --hyp {dir}/c.de --ref {dir}/data-misaligned/c.de", "c.de"),
    ("score-latin1", "score bleu --hyp {dir}/latin1.txt --ref {dir}/latin1.txt", "latin1.txt"),
    ("score-f1-empty-line", "score f1 --gold {dir}/gold-gap.txt --pred {dir}/pred3.txt", "gold-gap.txt"),
    ("score-tokenizer", "score bleu --hyp {dir}/c.en --ref {dir}/c.en --tokenize klingon", "klingon"),
    ("out-not-a-run", "run {dir}/data-one-label/p.pipe --out {dir}", ""),
    ("set-unknown-key", "validate {dir}/unknown-entry.pipe --set train.epoks=3", "epoks"),
    ("set-bad-value", "validate {dir}/dev-zero.pipe --set train.epochs=-1", ""),
    ("engine-option", "run {dir}/data-one-label/p.pipe --engine tensorflow --out {dir}/o-engine", "tensorflow"),
    ("serve-bad-model", "serve --model x={dir}/no-model --port 0", "no-model"),
    ("compare-not-runs", "compare {dir} {dir}", "report.json"),
    ("init-unknown-kind", "init forecast", "forecast"),
]
for name, args, names in cli:
    case("cli-" + name, args, names)

with open(os.path.join(out, "cases.tsv"), "w") as f:
    for name, args, names in cases:
        f.write(name + "\t" + args + "\t" + names + "\n")
print(len(cases), "cases")
