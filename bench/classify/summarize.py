#!/usr/bin/env python3
"""Reads the results of bench/run-classify.sh and prints the BENCHMARKS.md table: one row per data set,
embeddings and Seqpipe engine, each against the same peer run."""
import json
import os
import re
import sys

results = sys.argv[1]


def rss(name):
    """Peak resident memory in MiB from /usr/bin/time -v's output."""
    text = open(os.path.join(results, name + ".time")).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024


print("| data | embeddings | engine | Seqpipe test acc | Seqpipe test macro-F1 | peer test acc | peer test macro-F1 "
      "| Seqpipe train tok/s | peer train tok/s | ratio | Seqpipe epochs / s | peer epochs / s "
      "| Seqpipe peak RSS | peer peak RSS |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for task in ("sentiment", "spam"):
    for emb in ("learned", "glove"):
        peer_file = os.path.join(results, f"peer-{task}-{emb}.json")
        for engine in ("mxnet", "pytorch"):
            ours_file = os.path.join(results, f"seqpipe-{task}-{emb}-{engine}", "report.json")
            if not (os.path.exists(ours_file) and os.path.exists(peer_file)):
                continue
            ours = json.load(open(ours_file))
            peer = json.load(open(peer_file))
            history = ours["training"]["history"]
            tokens = sum(e["tokensPerSecond"] * e["seconds"] for e in history)
            ours_tps = tokens / sum(e["seconds"] for e in history)
            test = ours["metrics"]["test"]
            peer_tps = peer["train_tokens_per_second"]
            print(f"| {task} | {emb} | {engine} | {test['accuracy']:.3f} | {test['f1_macro']:.3f} "
                  f"| {peer['test_accuracy']:.3f} | {peer['test_f1_macro']:.3f} | {ours_tps:,.0f} | {peer_tps:,.0f} "
                  f"| {ours_tps / peer_tps:.2f}x | {len(history)} / {ours['seconds']:.0f} "
                  f"| {peer['epochs']} / {peer['seconds']:.0f} "
                  f"| {rss(f'seqpipe-{task}-{emb}-{engine}'):,.0f} MiB | {rss(f'peer-{task}-{emb}'):,.0f} MiB |")
