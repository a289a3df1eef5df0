#!/usr/bin/env python3
"""PyTorch peer of Seqpipe's classify pipeline, for benchmarks: the same architecture and training.

Embedding (learned, or GloVe rows with frozen vectors) -> 1-layer BiLSTM (packed, so padding is
skipped) -> additive attention pooling (v . tanh(W h), softmax over real tokens) -> dropout -> linear;
Adam, batches of 32 bucketed by length (shuffle, stable sort by length, shuffle the batch order),
global-norm clipping 1.0, early stopping on dev macro-F1, the best epoch evaluated on test.
Prints one JSON object: test accuracy and macro-F1, training tokens/s (real tokens over the time of the
training steps, evaluation excluded), seconds.
"""
import argparse
import json
import random
import re
import time

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

TOKEN = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")  # close to Lucene's StandardTokenizer, lowercased


def read(path, fmt):
    examples = []
    with open(path, encoding="utf-8") as f:
        if fmt == "tsv":
            header = f.readline().rstrip("\n").split("\t")
            t, l = header.index("text"), header.index("label")
            for line in f:
                cols = line.rstrip("\n").split("\t")
                examples.append((cols[t], cols[l]))
        else:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    examples.append((row["text"], row["label"]))
    return examples


def tokens(text, max_length):
    return TOKEN.findall(text.lower())[:max_length]


class Classifier(nn.Module):
    def __init__(self, vocab, dim, hidden, classes, dropout, pretrained=None):
        super().__init__()
        self.embedding = nn.Embedding(vocab, dim, padding_idx=0)
        if pretrained is not None:
            self.embedding.weight.data.copy_(pretrained)
            self.embedding.weight.requires_grad = False
        self.lstm = nn.LSTM(dim, hidden, batch_first=True, bidirectional=True)
        self.projection = nn.Linear(2 * hidden, 2 * hidden)
        self.scorer = nn.Linear(2 * hidden, 1, bias=False)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, classes)

    def forward(self, ids, lengths):
        packed = pack_padded_sequence(self.embedding(ids), lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=ids.size(1))
        scores = self.scorer(torch.tanh(self.projection(out))).squeeze(-1)
        mask = torch.arange(ids.size(1)).unsqueeze(0) < lengths.unsqueeze(1)
        weights = torch.softmax(scores.masked_fill(~mask, -1e9), dim=-1)
        pooled = (out * weights.unsqueeze(-1)).sum(1)
        return self.head(self.dropout(pooled))


def batches(lengths, size, seed):
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    order.sort(key=lambda i: lengths[i])
    cut = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(cut)
    return cut


def tensors(ids, rows):
    width = max(len(ids[i]) for i in rows)
    batch = torch.zeros(len(rows), width, dtype=torch.long)
    for r, i in enumerate(rows):
        batch[r, :len(ids[i])] = torch.tensor(ids[i])
    return batch, torch.tensor([len(ids[i]) for i in rows])


def macro_f1(gold, predicted, classes):
    f1s = []
    for c in range(classes):
        tp = sum(1 for g, p in zip(gold, predicted) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, predicted) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, predicted) if g == c and p != c)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / classes


def predict(model, ids):
    model.eval()
    out = []
    with torch.no_grad():
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        result = [0] * len(ids)
        for start in range(0, len(order), 64):
            rows = order[start:start + 64]
            batch, lengths = tensors(ids, rows)
            for i, p in zip(rows, model(batch, lengths).argmax(1).tolist()):
                result[i] = p
        out = result
    model.train()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--format", choices=["tsv", "jsonl"], required=True)
    ap.add_argument("--glove")
    ap.add_argument("--max-length", type=int, default=400)
    ap.add_argument("--min-freq", type=int, default=1)
    ap.add_argument("--max-size", type=int, default=20000)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    started = time.time()

    data = {s: read(getattr(args, s), args.format) for s in ("train", "dev", "test")}
    toks = {s: [tokens(t, args.max_length) for t, _ in data[s]] for s in data}
    counts = {}
    for sentence in toks["train"]:
        for w in sentence:
            counts[w] = counts.get(w, 0) + 1
    words = sorted((w for w, c in counts.items() if c >= args.min_freq), key=lambda w: (-counts[w], w))
    itos = ["<pad>", "<unk>", "<s>", "</s>"] + words[:args.max_size - 4]
    stoi = {w: i for i, w in enumerate(itos)}
    labels = sorted({l for _, l in data["train"]})
    ids = {s: [[stoi.get(w, 1) for w in sentence] or [1] for sentence in toks[s]] for s in data}
    gold = {s: [labels.index(l) for _, l in data[s]] for s in data}

    pretrained = None
    if args.glove:
        pretrained = torch.randn(len(itos), 100) * 0.1
        pretrained[0] = 0
        with open(args.glove, encoding="utf-8") as f:
            for line in f:
                word, rest = line.split(" ", 1)
                if word in stoi:
                    pretrained[stoi[word]] = torch.tensor([float(x) for x in rest.split()])
    model = Classifier(len(itos), 100, 128, len(labels), 0.3, pretrained)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    lengths = [len(x) for x in ids["train"]]

    best, best_state, stale, history = -1.0, None, 0, []
    train_tokens, train_seconds = 0, 0.0
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        epoch_tokens = 0
        for rows in batches(lengths, 32, args.seed + epoch):
            batch, batch_lengths = tensors(ids["train"], rows)
            target = torch.tensor([gold["train"][i] for i in rows])
            optimizer.zero_grad()
            loss = loss_fn(model(batch, batch_lengths), target)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            epoch_tokens += int(batch_lengths.sum())
        seconds = time.time() - t0
        train_tokens += epoch_tokens
        train_seconds += seconds
        dev_f1 = macro_f1(gold["dev"], predict(model, ids["dev"]), len(labels))
        history.append({"epoch": epoch, "dev_f1_macro": dev_f1, "tokens_per_second": epoch_tokens / seconds})
        if dev_f1 > best:
            best, stale = dev_f1, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            stale += 1
            if stale >= args.patience:
                break
    model.load_state_dict(best_state)
    predicted = predict(model, ids["test"])
    accuracy = sum(1 for g, p in zip(gold["test"], predicted) if g == p) / len(predicted)
    print(json.dumps({"system": "pytorch-peer", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "test_accuracy": accuracy, "test_f1_macro": macro_f1(gold["test"], predicted, len(labels)),
                      "dev_f1_macro": best, "train_tokens_per_second": train_tokens / train_seconds,
                      "epochs": len(history), "seconds": time.time() - started, "history": history}))


if __name__ == "__main__":
    main()
