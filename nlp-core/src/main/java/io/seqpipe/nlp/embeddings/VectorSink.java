package io.seqpipe.nlp.embeddings;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Collects the vectors a parser produces, keeping only wanted words and the first of duplicates. */
final class VectorSink {
  private static final int INITIAL_VALUES = 1 << 20;
  private final Predicate<String> keep;
  private final Map<String, Integer> rows = new HashMap<>();
  private float[] values = new float[0];
  private int dimension;

  VectorSink(Predicate<String> keep) {
    this.keep = keep;
  }

  void dimension(int dimension) {
    this.dimension = dimension;
    this.values = new float[Math.min(dimension * 1024, INITIAL_VALUES)];
  }

  int dimension() {
    return dimension;
  }

  boolean wants(String word) {
    return !rows.containsKey(word) && keep.test(word);
  }

  /** Where the next kept vector goes: write {@link #dimension()} floats from the returned offset. */
  int reserve(String word) {
    int row = rows.size();
    int needed = (row + 1) * dimension;
    if (needed > values.length) {
      values = Arrays.copyOf(values, Math.max(needed, values.length * 2));
    }
    rows.put(word, row);
    return row * dimension;
  }

  float[] values() {
    return values;
  }

  Embeddings toEmbeddings() {
    return new Embeddings(dimension, rows, Arrays.copyOf(values, rows.size() * dimension));
  }
}
