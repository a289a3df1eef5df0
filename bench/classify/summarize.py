#!/usr/bin/env python3
"""Reads the results of bench/run-classify.sh and prints the BENCHMARKS.md table."""
import json
import os
import sys

results = sys.argv[1]
rows = []
for task in ("sentiment", "spam"):
    for emb in ("learned", "glove"):
        ours_file = os.path.join(results, f"seqpipe-{task}-{emb}", "report.json")
        peer_file = os.path.join(results, f"peer-{task}-{emb}.json")
        if not (os.path.exists(ours_file) and os.path.exists(peer_file)):
            continue
        ours = json.load(open(ours_file))
        peer = json.load(open(peer_file))
        history = ours["training"]["history"]
        tokens = sum(e["tokensPerSecond"] * e["seconds"] for e in history)
        ours_tps = tokens / sum(e["seconds"] for e in history)
        test = ours["metrics"]["test"]
        rows.append((task, emb, test["accuracy"], test["f1_macro"], ours_tps, len(history), ours["seconds"],
                     peer["test_accuracy"], peer["test_f1_macro"], peer["train_tokens_per_second"], peer["epochs"],
                     peer["seconds"]))
print("| data | embeddings | Seqpipe test acc | Seqpipe test macro-F1 | peer test acc | peer test macro-F1 "
      "| Seqpipe train tok/s | peer train tok/s | ratio | Seqpipe epochs / s | peer epochs / s |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]:.3f} | {r[3]:.3f} | {r[7]:.3f} | {r[8]:.3f} | {r[4]:,.0f} | {r[9]:,.0f} "
          f"| {r[4] / r[9]:.2f}x | {r[5]} / {r[6]:.0f} | {r[10]} / {r[11]:.0f} |")
