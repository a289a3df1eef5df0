#!/usr/bin/env python3
"""PyTorch peer of Seqpipe's translation search, for benchmarks: the same model, loaded from a Seqpipe
model directory (parameters.bin, vocabularies, translator.json), and the same searches.

Model: source embedding -> bidirectional LSTM/GRU over the real tokens (packed) -> bridge
tanh(W [forward final; backward final]) as every decoder layer's initial state -> per step: embed the
previous token, concatenate the previous attentional vector (input feeding), LSTM/GRU cells, attention
(Bahdanau or Luong general) over the encoder outputs with padding masked, attentional vector
tanh(W_c [h; context]), output projection.
Text, as Seqpipe's: the wordpunct analyzer, then the model's BPE units if it has them (source.bpe: subword-nmt's
segmentation, "@@" on every piece but a word's last), cut to the longest length; output pieces joined back into
words ("@@" joins a piece to the next).
Search, as Seqpipe's: sentences sorted by length and cut into batches of at most --batch-tokens padded
source tokens; greedy or beam search over (sentences x beam) rows, 2k candidates a sentence from
torch.topk, </s> moves a hypothesis to the finished ones, a sentence is done with k finished or at its
maximum length (ceil(max_ratio x source length)), GNMT length penalty ((5 + len) / 6)^alpha, <unk>
replaced by the lexicon's translation (lexicon.tsv) of the most attended source piece, or by that piece.
A sentence without tokens is not searched; its translation is empty.
Prints one JSON object: sentences, seconds (search only; model loading excluded), sentences/s; writes
the translations (tokens joined by spaces) to --output.
"""
import argparse
import array
import json
import math
import os
import re
import struct
import time

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

WORD_PUNCT = re.compile(r"\w+|[^\w\s]+")  # Seqpipe's wordpunct analyzer
PAD, UNK, BOS, EOS = 0, 1, 2, 3
CONTINUATION, END_OF_WORD = "@@", "</w>"


class Bpe:
    """Seqpipe's Bpe (subword-nmt's apply_bpe): a word is its characters, </w> on the last; the pair of the
    earliest merge is merged everywhere, left to right, until no pair is in the table."""

    def __init__(self, path):
        self.merges, self.ranks, self.cache = [], {}, {}
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if number == 1 and line.startswith("#version:"):
                    continue
                left, right = line.strip().split(" ")
                self.ranks.setdefault((left, right), len(self.merges))  # the first occurrence wins
                self.merges.append((left, right))

    def segment(self, token):
        if len(token) <= 1:
            return [token]
        word = list(token[:-1]) + [token[-1] + END_OF_WORD]
        while len(word) > 1:
            best = min((self.ranks.get(pair, len(self.merges)) for pair in zip(word, word[1:])))
            if best == len(self.merges):
                break
            left, right = self.merges[best]
            merged, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and word[i] == left and word[i + 1] == right:
                    merged.append(left + right)
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        if word[-1] == END_OF_WORD:
            word.pop()
        elif word[-1].endswith(END_OF_WORD):
            word[-1] = word[-1][:-len(END_OF_WORD)]
        return word

    def split(self, tokens):
        pieces = []
        for token in tokens:
            if token not in self.cache:
                self.cache[token] = self.segment(token)
            segments = self.cache[token]
            pieces += [s + CONTINUATION for s in segments[:-1]] + segments[-1:]
        return pieces


def join(pieces):
    """Pieces back into words: a piece ending in @@ is continued by the next."""
    words, word = [], ""
    for piece in pieces:
        if piece.endswith(CONTINUATION):
            word += piece[:-len(CONTINUATION)]
        else:
            words.append(word + piece)
            word = ""
    return words + [word] if word else words


def unescape(text):
    """Seqpipe's TokenEscapes: backslash, newline, carriage return and tab written as \\\\, \\n, \\r, \\t."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1), m.group(1)), text)


def read_lexicon(path):
    with open(path, encoding="utf-8") as f:
        return dict(tuple(unescape(field) for field in line.rstrip("\n").split("\t")) for line in f)


def read_parameters(path):
    """A Seqpipe parameter file (format SPP2): magic, payload length, payload (count, then per parameter its
    name, shape and big-endian float32 values), CRC32C of the payload."""
    parameters = {}
    with open(path, "rb") as f:
        magic, length = struct.unpack(">iq", f.read(12))
        assert magic == 0x53505032, "not a Seqpipe parameter file (format 2)"
        count = struct.unpack(">i", f.read(4))[0]
        for _ in range(count):
            name = f.read(struct.unpack(">H", f.read(2))[0]).decode("utf-8")
            rank = struct.unpack(">i", f.read(4))[0]
            shape = struct.unpack(">" + "q" * rank, f.read(8 * rank))
            values = array.array("f", f.read(4 * math.prod(shape)))
            values.byteswap()  # written big-endian (Java's DataOutputStream)
            parameters[name] = torch.frombuffer(values, dtype=torch.float32).clone().reshape(shape)
    return parameters


def one(parameters, suffix):
    found = [name for name in parameters if name.endswith(suffix)]
    assert len(found) == 1, (suffix, found)
    return parameters[found[0]]


class Translator(nn.Module):
    def __init__(self, config, p):
        super().__init__()
        enc, dec = config["encoder"], config["decoder"]
        assert enc["layers"] == 1 and dec["layers"] == 1 and enc["bidirectional"], "peer covers 1-layer BiRNN models"
        self.cell = dec["cell"]
        self.attention = dec["attention"]
        self.input_feeding = dec["inputFeeding"]
        self.source_embedding = nn.Embedding.from_pretrained(one(p, "source_embedding_weight"))
        self.target_embedding = nn.Embedding.from_pretrained(one(p, "decoder_01embedding_weight"))
        rnn = nn.LSTM if enc["cell"] == "lstm" else nn.GRU
        dim = self.source_embedding.embedding_dim
        self.encoder = rnn(dim, enc["hidden"], batch_first=True, bidirectional=True)
        for direction, suffix in (("forward", ""), ("backward", "_reverse")):
            for w in ("w_ih", "w_hh", "b_ih", "b_hh"):
                getattr(self.encoder, w.replace("w_", "weight_").replace("b_", "bias_") + "_l0" + suffix).data \
                    .copy_(one(p, f"layer0_{direction}_layer0.forward.{w}"))
        cell = nn.LSTMCell if self.cell == "lstm" else nn.GRUCell
        hidden = dec["hidden"]
        self.decoder = cell(dim + (hidden if self.input_feeding else 0), hidden)
        for w in ("w_ih", "w_hh", "b_ih", "b_hh"):
            getattr(self.decoder, w.replace("w_", "weight_").replace("b_", "bias_")).data \
                .copy_(one(p, f"decoder_layer0.{w}"))
        self.key = one(p, "attention_01key_weight")
        if self.attention == "bahdanau":
            self.query = one(p, "attention_02query_weight")
            self.scorer = one(p, "attention_03scorer_weight")
        self.bridge_w, self.bridge_b = one(p, "bridge_weight"), one(p, "bridge_bias")
        self.combine = one(p, "combine_weight")
        self.output_w, self.output_b = one(p, "output_weight"), one(p, "output_bias")

    def encode(self, ids, lengths):
        packed = pack_padded_sequence(self.source_embedding(ids), lengths, batch_first=True, enforce_sorted=False)
        out, final = self.encoder(packed)
        memory, _ = pad_packed_sequence(out, batch_first=True, total_length=ids.shape[1])
        h = final[0] if isinstance(final, tuple) else final
        start = torch.tanh(torch.cat([h[0], h[1]], 1) @ self.bridge_w.T + self.bridge_b)
        mask = torch.arange(ids.shape[1])[None, :] < lengths[:, None]
        keys = memory @ self.key.T
        state = (start, start) if self.cell == "lstm" else start
        return memory, keys, mask, state, torch.zeros_like(start)

    def attend(self, previous, state, feed, memory, keys, mask):
        """One decoder step up to the attentional vector: (attentional vector, attention weights, state)."""
        x = self.target_embedding(previous)
        if self.input_feeding:
            x = torch.cat([x, feed], 1)
        state = self.decoder(x, state)
        h = state[0] if self.cell == "lstm" else state
        if self.attention == "bahdanau":
            scores = (torch.tanh(keys + (h @ self.query.T)[:, None, :]) @ self.scorer.T).squeeze(2)
        else:
            scores = torch.bmm(keys, h[:, :, None]).squeeze(2)
        weights = torch.softmax(scores.masked_fill(~mask, float("-inf")), 1)
        context = torch.bmm(weights[:, None, :], memory).squeeze(1)
        return torch.tanh(torch.cat([h, context], 1) @ self.combine.T), weights, state

    def step(self, previous, state, feed, memory, keys, mask):
        combined, weights, state = self.attend(previous, state, feed, memory, keys, mask)
        logits = combined @ self.output_w.T + self.output_b
        return torch.log_softmax(logits, 1), weights, state, combined


def select(state, rows):
    return tuple(s[rows] for s in state) if isinstance(state, tuple) else state[rows]


def forbid(log_probs, length, min_length):
    """Seqpipe's token rules: never <pad> or <s>, </s> only from the minimum length on."""
    log_probs[:, PAD] = float("-inf")
    log_probs[:, BOS] = float("-inf")
    if length < min_length:
        log_probs[:, EOS] = float("-inf")


def greedy(model, ids, lengths, max_ratio, min_length):
    memory, keys, mask, state, feed = model.encode(ids, lengths)
    rows = ids.shape[0]
    max_lengths = [max(1, math.ceil(max_ratio * n)) for n in lengths.tolist()]
    outputs = [[] for _ in range(rows)]
    attended = [[] for _ in range(rows)]
    done = [False] * rows
    previous = torch.full((rows,), BOS, dtype=torch.long)
    for t in range(max(max_lengths)):
        if all(done):
            break
        log_probs, weights, state, feed = model.step(previous, state, feed, memory, keys, mask)
        forbid(log_probs, t, min_length)
        best = log_probs.argmax(1)
        where = weights.argmax(1)
        for i, token in enumerate(best.tolist()):
            if done[i]:
                continue
            if token == EOS:
                done[i] = True
                continue
            outputs[i].append(token)
            attended[i].append(where[i].item())
            done[i] = len(outputs[i]) == max_lengths[i]
        previous = best
    return outputs, attended


def beam(model, ids, lengths, k, max_ratio, alpha, min_length):
    memory, keys, mask, state, feed = model.encode(ids, lengths)
    sentences = ids.shape[0]
    repeat = torch.arange(sentences).repeat_interleave(k)
    memory, keys, mask, state, feed = memory[repeat], keys[repeat], mask[repeat], select(state, repeat), feed[repeat]
    max_lengths = [max(1, math.ceil(max_ratio * n)) for n in lengths.tolist()]
    beams = [[([], [], 0.0)] + [None] * (k - 1) for _ in range(sentences)]  # (tokens, attended, log-prob)
    finished = [[] for _ in range(sentences)]
    done = [False] * sentences
    previous = torch.full((sentences * k,), BOS, dtype=torch.long)
    penalty = lambda logp, n: logp / (((5 + n) / 6) ** alpha)
    for t in range(max(max_lengths)):
        if all(done):
            break
        log_probs, weights, state, feed = model.step(previous, state, feed, memory, keys, mask)
        forbid(log_probs, t, min_length)
        scores = torch.tensor([b[2] if b is not None else float("-inf") for s in beams for b in s])
        total = (scores[:, None] + log_probs).view(sentences, -1)
        top_scores, top_index = total.topk(2 * k, 1)
        top_scores, top_index = top_scores.tolist(), top_index.tolist()
        where = weights.argmax(1).tolist()
        vocabulary = log_probs.shape[1]
        source_rows = list(range(0, sentences * k))
        next_previous = previous.clone()
        for s in range(sentences):
            for b in range(k):
                source_rows[s * k + b] = s * k
            if done[s]:
                continue
            next_beams, live = [None] * k, 0
            for score, index in zip(top_scores[s], top_index[s]):
                if score == float("-inf"):
                    break
                parent, token = index // vocabulary, index % vocabulary
                tokens, attended, _ = beams[s][parent]
                if token == EOS:
                    finished[s].append((penalty(score, len(tokens)), tokens, attended))
                else:
                    extended = (tokens + [token], attended + [where[s * k + parent]], score)
                    if len(extended[0]) == max_lengths[s]:
                        finished[s].append((penalty(score, len(extended[0])), extended[0], extended[1]))
                    else:
                        source_rows[s * k + live] = s * k + parent
                        next_previous[s * k + live] = token
                        next_beams[live] = extended
                        live += 1
                if live == k or len(finished[s]) >= k:
                    break
            beams[s] = next_beams
            done[s] = len(finished[s]) >= k or live == 0
        rows = torch.tensor(source_rows)
        state, feed, previous = select(state, rows), feed[rows], next_previous
    outputs, attended = [], []
    for s in range(sentences):
        best = max(finished[s], key=lambda f: f[0]) if finished[s] else (0, [], [])
        outputs.append(best[1])
        attended.append(best[2])
    return outputs, attended


def batches(lengths, budget):
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batch, longest = [], 0
    for i in order:
        if batch and max(longest, lengths[i]) * (len(batch) + 1) > budget:
            yield batch
            batch, longest = [], 0
        batch.append(i)
        longest = max(longest, lengths[i])
    if batch:
        yield batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--batch-tokens", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    config = json.load(open(f"{args.model}/translator.json"))
    source_vocabulary = {w: i for i, w in enumerate(open(f"{args.model}/source-vocabulary.txt", encoding="utf-8")
                                                     .read().split("\n")) if w}
    target_vocabulary = [w for w in open(f"{args.model}/target-vocabulary.txt", encoding="utf-8").read().split("\n")
                         if w]
    model = Translator(config, read_parameters(f"{args.model}/parameters.bin")).eval()
    subword = config.get("subword")
    assert subword is None or subword["name"] == "bpe", "peer covers whole words and BPE units"
    source_bpe = Bpe(f"{args.model}/source.bpe") if os.path.exists(f"{args.model}/source.bpe") else None
    search = config["search"]
    lexicon = read_lexicon(f"{args.model}/lexicon.tsv") if search["replaceUnk"] and search.get("unkLexicon") else {}
    sentences = [line.rstrip("\n") for line in open(args.input, encoding="utf-8")]
    tokens = [WORD_PUNCT.findall(s) for s in sentences]
    tokens = [(source_bpe.split(ts) if source_bpe else ts)[:config["maxLength"]] for ts in tokens]
    ids = [[source_vocabulary.get(t, UNK) for t in ts] for ts in tokens]
    outputs = ["" for _ in ids]
    searched = [i for i, sentence in enumerate(ids) if sentence]
    start = time.perf_counter()
    with torch.inference_mode():
        for positions in batches([len(ids[i]) for i in searched], args.batch_tokens):
            batch = [searched[p] for p in positions]
            lengths = torch.tensor([len(ids[i]) for i in batch])
            padded = torch.zeros((len(batch), int(lengths.max())), dtype=torch.long)
            for row, i in enumerate(batch):
                padded[row, :len(ids[i])] = torch.tensor(ids[i])
            if args.beam == 1:
                found, attended = greedy(model, padded, lengths, search["maxRatio"], search["minLength"])
            else:
                found, attended = beam(model, padded, lengths, args.beam, search["maxRatio"], search["alpha"],
                                      search["minLength"])
            for row, i in enumerate(batch):
                pieces = [lexicon.get(tokens[i][a], tokens[i][a]) if token == UNK and search["replaceUnk"]
                          else target_vocabulary[token] for token, a in zip(found[row], attended[row])]
                outputs[i] = " ".join(join(pieces))
    seconds = time.perf_counter() - start
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(outputs) + "\n")
    print(json.dumps({"sentences": len(sentences), "beam": args.beam, "seconds": seconds,
                      "sentences_per_second": len(sentences) / seconds, "torch": torch.__version__,
                      "threads": args.threads}))


if __name__ == "__main__":
    main()
