#!/bin/sh
# Regenerates the SentencePiece test data from the shared Bible es-en set (public domain) with Debian's
# sentencepiece 0.1.97 (apt-get install sentencepiece). Run from this directory; DATA defaults to the repo's ../shared.
set -eu
DATA=${DATA:-../../../../../../shared/data/translation/bible-es-en}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n 3000 "$DATA/train.es" > "$tmp/train.txt"
head -n 3000 "$DATA/train.en" >> "$tmp/train.txt"
# unigram with the default normalization (nmt_nfkc), bpe without any (identity): both code paths of the library
spm_train --input="$tmp/train.txt" --model_prefix=bible-unigram --vocab_size=1000 --model_type=unigram \
  --character_coverage=1.0 --num_threads=1 --minloglevel=2
spm_train --input="$tmp/train.txt" --model_prefix=bible-bpe --vocab_size=1000 --model_type=bpe \
  --normalization_rule_name=identity --character_coverage=1.0 --num_threads=1 --minloglevel=2
rm -f bible-unigram.vocab bible-bpe.vocab
# 300 dev verses, then characters the models never saw, a ligature that NFKC splits, and extra whitespace
{ head -n 150 "$DATA/dev.es"; head -n 150 "$DATA/dev.en"; printf 'el 漢字 Señor ﬁn\n  two   spaces \n'; } > sentences.txt
for type in unigram bpe; do
  spm_encode --model=bible-$type.model --output_format=piece < sentences.txt > sentences.$type.pieces
done
