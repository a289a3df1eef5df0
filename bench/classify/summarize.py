#!/usr/bin/env python3
"""Reads the results of bench/run-classify.sh and prints the BENCHMARKS.md table: one row per data set,
embeddings, Seqpipe engine and thread count, each against the peer run with as many threads and against the
peer's fastest run of that data set and embeddings (whichever thread count that was)."""
import glob
import json
import os
import re
import sys

results = sys.argv[1]


def rss(name):
    """Peak resident memory in MiB from /usr/bin/time -v's output."""
    text = open(os.path.join(results, name + ".time")).read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024


def threads_of(path):
    return int(re.search(r"-t(\d+)(?:\.json)?$", path).group(1))


print("| data | embeddings | engine | threads | Seqpipe test acc | Seqpipe test macro-F1 | peer test acc "
      "| peer test macro-F1 | Seqpipe train tok/s | peer train tok/s, same threads | ratio | peer's fastest tok/s "
      "(threads) | ratio to fastest | Seqpipe epochs / s | peer epochs / s | Seqpipe peak RSS | peer peak RSS |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for task in ("sentiment", "spam"):
    for emb in ("learned", "glove"):
        peers = {threads_of(f): json.load(open(f)) for f in glob.glob(os.path.join(results, f"peer-{task}-{emb}-t*.json"))}
        if not peers:
            continue
        fastest = max(peers, key=lambda t: peers[t]["train_tokens_per_second"])
        for engine in ("mxnet", "pytorch"):
            for threads in sorted(peers):
                run = f"seqpipe-{task}-{emb}-{engine}-t{threads}"
                ours_file = os.path.join(results, run, "report.json")
                if not os.path.exists(ours_file):
                    continue
                ours = json.load(open(ours_file))
                peer = peers[threads]
                history = ours["training"]["history"]
                tokens = sum(e["tokensPerSecond"] * e["seconds"] for e in history)
                ours_tps = tokens / sum(e["seconds"] for e in history)
                test = ours["metrics"]["test"]
                peer_tps = peer["train_tokens_per_second"]
                best_tps = peers[fastest]["train_tokens_per_second"]
                print(f"| {task} | {emb} | {engine} | {threads} | {test['accuracy']:.3f} | {test['f1_macro']:.3f} "
                      f"| {peer['test_accuracy']:.3f} | {peer['test_f1_macro']:.3f} | {ours_tps:,.0f} | {peer_tps:,.0f} "
                      f"| {ours_tps / peer_tps:.2f}x | {best_tps:,.0f} ({fastest}) | {ours_tps / best_tps:.2f}x "
                      f"| {len(history)} / {ours['seconds']:.0f} | {peer['epochs']} / {peer['seconds']:.0f} "
                      f"| {rss(run):,.0f} MiB | {rss(f'peer-{task}-{emb}-t{threads}'):,.0f} MiB |")
