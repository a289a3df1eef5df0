#!/usr/bin/env python3
"""PyTorch peer of Seqpipe's translation training, for benchmarks: the model of translate_peer.py (the same
encoder-decoder, built from a Seqpipe model directory: its configuration, vocabularies and parameters as the
starting point), trained as Seqpipe trains it.

Training: teacher forcing; cross-entropy with label smoothing over the real target tokens (each target plus
</s>); dropout on the attentional vectors before the output projection; Adam, global-norm clipping. Batches as
Seqpipe's: pairs sorted by target length and cut into batches of at most --batch-tokens padded target tokens,
in a seeded random order. Data: the wordpunct tokens of --train.SOURCE / --train.TARGET mapped to the model's
vocabularies, pairs longer than --max-length tokens on either side left out.
Prints one JSON object: steps, target tokens, seconds of training steps, target tokens/s, first and last loss.
"""
import argparse
import json
import random
import time

import torch
from torch import nn
from torch.nn import functional as F

from translate_peer import BOS, EOS, PAD, UNK, WORD_PUNCT, Translator, read_parameters


class Trainable(Translator):
    """The search peer's model with every array a trainable parameter."""

    def __init__(self, config, parameters, dropout):
        super().__init__(config, parameters)
        self.source_embedding.weight.requires_grad_(True)
        self.target_embedding.weight.requires_grad_(True)
        for name in ("key", "query", "scorer", "bridge_w", "bridge_b", "combine", "output_w", "output_b"):
            if hasattr(self, name):
                setattr(self, name, nn.Parameter(getattr(self, name).clone()))
        self.dropout = nn.Dropout(dropout)

    def forward(self, ids, lengths, target_in):
        memory, keys, mask, state, feed = self.encode(ids, lengths)
        combined = []
        for t in range(target_in.shape[1]):
            feed, _, state = self.attend(target_in[:, t], state, feed, memory, keys, mask)
            combined.append(feed)
        return self.dropout(torch.stack(combined, 1)) @ self.output_w.T + self.output_b


def batches(lengths, budget, rng):
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out, batch, longest = [], [], 0
    for i in order:
        if batch and max(longest, lengths[i]) * (len(batch) + 1) > budget:
            out.append(batch)
            batch, longest = [], 0
        batch.append(i)
        longest = max(longest, lengths[i])
    if batch:
        out.append(batch)
    rng.shuffle(out)
    return out


def padded(rows):
    longest = max(len(r) for r in rows)
    return torch.tensor([r + [PAD] * (longest - len(r)) for r in rows], dtype=torch.long)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="a Seqpipe translation model directory")
    parser.add_argument("--train", required=True, help="prefix of the parallel files")
    parser.add_argument("--source", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--batch-tokens", type=int, default=1000)
    parser.add_argument("--max-length", type=int, default=50)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--clip", type=float, default=1.0)
    parser.add_argument("--label-smoothing", type=float, default=0.1)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    config = json.load(open(f"{args.model}/translator.json"))

    def vocabulary(name):
        words = open(f"{args.model}/{name}-vocabulary.txt", encoding="utf-8").read().split("\n")
        return {w: i for i, w in enumerate(words) if w}

    source_vocabulary, target_vocabulary = vocabulary("source"), vocabulary("target")
    pairs = []
    with open(f"{args.train}.{args.source}", encoding="utf-8") as s, open(f"{args.train}.{args.target}",
                                                                          encoding="utf-8") as t:
        for source, target in zip(s, t):
            src, tgt = WORD_PUNCT.findall(source), WORD_PUNCT.findall(target)
            if 1 <= len(src) <= args.max_length and 1 <= len(tgt) <= args.max_length:
                pairs.append(([source_vocabulary.get(w, UNK) for w in src],
                              [target_vocabulary.get(w, UNK) for w in tgt]))
    model = Trainable(config, read_parameters(f"{args.model}/parameters.bin"), args.dropout).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    rng = random.Random(args.seed)
    steps, tokens, seconds, losses = 0, 0, 0.0, []
    for _ in range(args.epochs):
        for batch in batches([len(target) + 1 for _, target in pairs], args.batch_tokens, rng):
            start = time.perf_counter()
            ids = padded([pairs[i][0] for i in batch])
            lengths = torch.tensor([len(pairs[i][0]) for i in batch])
            target_in = padded([[BOS] + pairs[i][1] for i in batch])
            target_out = padded([pairs[i][1] + [EOS] for i in batch])
            logits = model(ids, lengths, target_in)
            loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target_out.reshape(-1), ignore_index=PAD,
                                   label_smoothing=args.label_smoothing)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            optimizer.step()
            losses.append(loss.item())
            seconds += time.perf_counter() - start
            steps += 1
            tokens += int((target_out != PAD).sum())
    print(json.dumps({"pairs": len(pairs), "steps": steps, "target_tokens": tokens, "seconds": seconds,
                      "target_tokens_per_second": tokens / seconds, "first_loss": losses[0], "last_loss": losses[-1],
                      "torch": torch.__version__, "threads": args.threads}))


if __name__ == "__main__":
    main()
