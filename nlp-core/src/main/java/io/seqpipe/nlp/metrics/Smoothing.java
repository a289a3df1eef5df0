package io.seqpipe.nlp.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * BLEU smoothing methods of Chen and Cherry (2014), by sacrebleu's names and with its defaults.
 */
public enum Smoothing {
  /** No smoothing: a zero n-gram precision makes BLEU 0. */
  NONE("none", Double.NaN),
  /** Method 1: a zero count becomes {@code value} (default 0.1). */
  FLOOR("floor", 0.1),
  /** Method 2: adds {@code value} (default 1) to counts and totals of orders above 1. */
  ADD_K("add-k", 1),
  /** Method 3, NIST's (mteval-v13a): zero counts become 1/2^k for the k-th of them. sacrebleu's default. */
  EXP("exp", Double.NaN);

  private final String id;
  private final double defaultValue;

  Smoothing(String id, double defaultValue) {
    this.id = id;
    this.defaultValue = defaultValue;
  }

  public String id() {
    return id;
  }

  /** Whether the method takes a value ({@code floor}, {@code add-k}). */
  public boolean takesValue() {
    return !Double.isNaN(defaultValue);
  }

  public double defaultValue() {
    return defaultValue;
  }

  public static Smoothing forName(String name) {
    for (Smoothing smoothing : values()) {
      if (smoothing.id.equals(name)) {
        return smoothing;
      }
    }
    throw new IllegalArgumentException("unknown smoothing '" + name + "'; available: "
        + Arrays.stream(values()).map(Smoothing::id).collect(Collectors.joining(", ")));
  }
}
