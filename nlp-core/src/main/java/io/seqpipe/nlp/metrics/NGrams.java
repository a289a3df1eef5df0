package io.seqpipe.nlp.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word n-gram counts, n-grams written as their tokens joined by single spaces. */
final class NGrams {
  private NGrams() {}

  /** Counts of all n-grams of orders 1..maxOrder. */
  static Map<String, Integer> count(List<String> tokens, int maxOrder) {
    return count(tokens, 1, maxOrder);
  }

  static Map<String, Integer> count(List<String> tokens, int minOrder, int maxOrder) {
    Map<String, Integer> counts = new HashMap<>(tokens.size() * (maxOrder - minOrder + 1) * 2);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      key.setLength(0);
      for (int n = 1; n <= maxOrder && i + n <= tokens.size(); n++) {
        if (n > 1) {
          key.append(' ');
        }
        key.append(tokens.get(i + n - 1));
        if (n >= minOrder) {
          counts.merge(key.toString(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The order of an n-gram key. */
  static int order(String ngram) {
    int n = 1;
    for (int i = 0; i < ngram.length(); i++) {
      if (ngram.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
