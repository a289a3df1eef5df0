package io.seqpipe.seq2seq.search;

import io.seqpipe.nlp.vocab.Vocabulary;

/**
 * Which next tokens a hypothesis may take: never {@code <pad>} or {@code <s>}, {@code </s>} only after
 * the minimum length, and no token that would repeat an n-gram already in the output.
 */
final class TokenRules {
  private final int minLength;
  private final int noRepeatNgram;

  TokenRules(SearchSettings settings) {
    this.minLength = settings.minLength();
    this.noRepeatNgram = settings.noRepeatNgram();
  }

  /** Whether the rules depend only on the output length, not on what a row has output. */
  boolean sameForEveryRow() {
    return noRepeatNgram == 0;
  }

  /** 0 for allowed tokens, {@code -inf} for forbidden ones, at an output length (without n-gram blocking). */
  float[] columnMask(int vocabulary, int length) {
    float[] mask = new float[vocabulary];
    mask[Vocabulary.PAD_ID] = Float.NEGATIVE_INFINITY;
    mask[Vocabulary.BOS_ID] = Float.NEGATIVE_INFINITY;
    if (length < minLength) {
      mask[Vocabulary.EOS_ID] = Float.NEGATIVE_INFINITY;
    }
    return mask;
  }

  boolean allowed(int[] history, int length, int token) {
    if (token == Vocabulary.PAD_ID || token == Vocabulary.BOS_ID) {
      return false;
    }
    if (token == Vocabulary.EOS_ID) {
      return length >= minLength;
    }
    return noRepeatNgram == 0 || !repeats(history, length, token);
  }

  /** Whether history[length-n+1..length) + token already occurs in the history. */
  private boolean repeats(int[] history, int length, int token) {
    int n = noRepeatNgram;
    if (length < n) {
      return false;
    }
    for (int start = 0; start + n <= length; start++) {
      boolean same = history[start + n - 1] == token;
      for (int i = 0; same && i < n - 1; i++) {
        same = history[start + i] == history[length - (n - 1) + i];
      }
      if (same) {
        return true;
      }
    }
    return false;
  }
}
