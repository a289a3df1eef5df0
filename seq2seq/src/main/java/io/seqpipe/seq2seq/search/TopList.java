package io.seqpipe.seq2seq.search;

/**
 * The best few of a stream of scored items, kept sorted, best first: an item carries two ints (e.g. a
 * beam and a token). Of equal scores the one offered first stays ahead, so offering in order of a
 * tie-break (lower beam, lower id) keeps that order. Search offers thousands of items for a handful of
 * places; most fail {@link #accepts} and cost one comparison.
 *
 * <pre>{@code
 * TopList top = new TopList(10);
 * for (int v = 0; v < logProbs.length; v++) {
 *   top.offer(logProbs[v], v, 0);
 * }
 * int bestId = top.first(0);
 * }</pre>
 */
final class TopList {
  private final double[] scores;
  private final int[] first;
  private final int[] second;
  private int size;

  TopList(int capacity) {
    scores = new double[capacity];
    first = new int[capacity];
    second = new int[capacity];
  }

  /** Whether an item of this score would enter the list. */
  boolean accepts(double score) {
    return size < scores.length || score > scores[scores.length - 1];
  }

  void offer(double score, int a, int b) {
    if (!accepts(score)) {
      return;
    }
    int at = Math.min(size, scores.length - 1);
    while (at > 0 && scores[at - 1] < score) { // behind equal scores, which were offered first
      scores[at] = scores[at - 1];
      first[at] = first[at - 1];
      second[at] = second[at - 1];
      at--;
    }
    scores[at] = score;
    first[at] = a;
    second[at] = b;
    size = Math.min(size + 1, scores.length);
  }

  int size() {
    return size;
  }

  double score(int i) {
    return scores[i];
  }

  int first(int i) {
    return first[i];
  }

  int second(int i) {
    return second[i];
  }
}
