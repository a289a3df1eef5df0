package io.seqpipe.nlp.data;

/**
 * Keeps sequences whose length in tokens lies in {@code [minTokens, maxTokens]}.
 *
 * <pre>{@code
 * LengthFilter filter = new LengthFilter(1, 80);
 * boolean keep = filter.accepts(sourceTokens.size()) && filter.accepts(targetTokens.size());
 * }</pre>
 */
public record LengthFilter(int minTokens, int maxTokens) {
  public LengthFilter {
    if (minTokens < 0 || maxTokens < minTokens) {
      throw new IllegalArgumentException(
          "expected 0 <= minTokens <= maxTokens, got " + minTokens + " and " + maxTokens);
    }
  }

  /** No limit but non-emptiness. */
  public static LengthFilter nonEmpty() {
    return new LengthFilter(1, Integer.MAX_VALUE);
  }

  public boolean accepts(int length) {
    return length >= minTokens && length <= maxTokens;
  }
}
