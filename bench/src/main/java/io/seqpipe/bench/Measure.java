package io.seqpipe.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Warm-up runs, then timed runs; reports the median. */
final class Measure {
  private Measure() {}

  /** Median seconds of {@code runs} timed calls after {@code warmups} untimed ones. */
  static double medianSeconds(int warmups, int runs, Callable<?> task) throws Exception {
    Object sink = null;
    for (int i = 0; i < warmups; i++) {
      sink = task.call();
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      sink = task.call();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    if (sink == null) {
      throw new IllegalStateException("benchmark produced nothing");
    }
    Arrays.sort(seconds);
    return seconds[runs / 2];
  }
}
