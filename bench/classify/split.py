#!/usr/bin/env python3
"""Carves a test set out of a training file: a sentence goes to test when the SHA-256 of its text falls
in bucket 0 of 10 (the same on every machine). Usage: split.py TRAIN DEV OUT_DIR (tsv or jsonl)."""
import hashlib
import json
import os
import shutil
import sys

train, dev, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
ext = os.path.splitext(train)[1]
with open(train, encoding="utf-8") as f:
    lines = f.read().splitlines()
header = [lines.pop(0)] if ext == ".tsv" else []
text_of = (lambda l: l.split("\t")[-1]) if ext == ".tsv" else (lambda l: json.loads(l)["text"])
keep, test = list(header), list(header)
for line in lines:
    bucket = int.from_bytes(hashlib.sha256(text_of(line).encode("utf-8")).digest()[:2], "big") % 10
    (test if bucket == 0 else keep).append(line)
for name, rows in (("train", keep), ("test", test)):
    with open(os.path.join(out, name + ext), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
shutil.copyfile(dev, os.path.join(out, "dev" + ext))
print(f"{out}: {len(keep) - len(header)} train, {len(test) - len(header)} test")
