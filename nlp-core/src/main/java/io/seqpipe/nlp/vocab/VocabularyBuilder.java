package io.seqpipe.nlp.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts tokens and keeps the frequent ones. Not thread-safe; see {@link Vocabulary} for an example.
 */
public final class VocabularyBuilder {
  private final Map<String, Long> counts = new HashMap<>();
  private int minFrequency = 1;
  private int maxSize = Integer.MAX_VALUE;

  VocabularyBuilder() {}

  /** Tokens seen fewer times are left out (default 1). */
  public VocabularyBuilder minFrequency(int minFrequency) {
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
    }
    this.minFrequency = minFrequency;
    return this;
  }

  /** At most this many entries in all, reserved ones included (default unlimited). */
  public VocabularyBuilder maxSize(int maxSize) {
    if (maxSize < Vocabulary.RESERVED.size()) {
      throw new IllegalArgumentException(
          "maxSize must be >= " + Vocabulary.RESERVED.size() + " (the reserved tokens), got " + maxSize);
    }
    this.maxSize = maxSize;
    return this;
  }

  public VocabularyBuilder add(String token) {
    counts.merge(token, 1L, Long::sum);
    return this;
  }

  public VocabularyBuilder addAll(Iterable<String> tokens) {
    for (String token : tokens) {
      add(token);
    }
    return this;
  }

  public Vocabulary build() {
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() >= minFrequency && !Vocabulary.RESERVED.contains(entry.getKey())) {
        kept.add(entry);
      }
    }
    kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(Vocabulary.RESERVED);
    for (Map.Entry<String, Long> entry : kept) {
      if (tokens.size() >= maxSize) {
        break;
      }
      tokens.add(entry.getKey());
    }
    return new Vocabulary(tokens);
  }
}
