package io.seqpipe.seq2seq.search;

import io.seqpipe.nlp.vocab.Vocabulary;

/**
 * Which next tokens a hypothesis may take: never {@code <pad>} or {@code <s>}, {@code </s>} only after
 * the minimum length, and no token that would repeat an n-gram already in the output.
 */
final class TokenRules {
  /** The tokens that length-only rules can forbid. */
  private static final int[] SPECIAL = {Vocabulary.PAD_ID, Vocabulary.BOS_ID, Vocabulary.EOS_ID};

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

  /**
   * How many tokens are forbidden at an output length whatever a row has output ({@code <pad>}, {@code <s>}
   * and, before the minimum length, {@code </s>}): of any {@code n} + this many tokens, at least {@code n}
   * are allowed (without n-gram blocking).
   */
  int forbiddenAt(int length) {
    int forbidden = 0;
    for (int special : SPECIAL) {
      forbidden += allowed(null, length, special) ? 0 : 1;
    }
    return forbidden;
  }

  /** Whether a row may take {@code token} next; {@code history} may be null when {@link #sameForEveryRow()}. */
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
