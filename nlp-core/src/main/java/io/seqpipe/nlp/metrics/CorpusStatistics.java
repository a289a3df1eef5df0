package io.seqpipe.nlp.metrics;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A corpus metric computed from per-segment sufficient statistics that add up (BLEU's n-gram matches
 * and lengths, chrF's character and word n-gram counts): what resampling tests need to score any
 * resample of the segments without recomputing them.
 *
 * <pre>{@code
 * CorpusStatistics bleu = Bleu.builder().build();
 * long[][] rows = bleu.statistics(hypotheses, List.of(references));
 * double score = bleu.score(CorpusStatistics.sum(rows, new int[] {0, 0, 3}));   // a resample
 * }</pre>
 */
public interface CorpusStatistics {
  /** One row of statistics per segment, computed in parallel. */
  default long[][] statistics(List<String> hypotheses, List<List<String>> referenceStreams) {
    requireAligned(hypotheses, referenceStreams);
    return IntStream.range(0, hypotheses.size()).parallel()
        .mapToObj(i -> segmentStatistics(i, hypotheses.get(i), referenceStreams)).toArray(long[][]::new);
  }

  /** The statistics of segment {@code index} against its references (the last column: how many references). */
  long[] segmentStatistics(int index, String hypothesis, List<List<String>> referenceStreams);

  /** The corpus score of summed rows. */
  double score(long[] sums);

  /** Refuses no reference stream, or one whose length is not the hypotheses'. */
  static void requireAligned(List<String> hypotheses, List<List<String>> referenceStreams) {
    if (referenceStreams.isEmpty()) {
      throw new IllegalArgumentException("expected at least one reference stream");
    }
    for (List<String> stream : referenceStreams) {
      if (stream.size() != hypotheses.size()) {
        throw new IllegalArgumentException("a reference stream has " + stream.size()
            + " segments, the hypotheses have " + hypotheses.size());
      }
    }
  }

  /** The rows at {@code segments} (repeats allowed) added up. */
  static long[] sum(long[][] rows, int[] segments) {
    long[] sums = new long[rows.length == 0 ? 0 : rows[0].length];
    for (int segment : segments) {
      long[] row = rows[segment];
      for (int k = 0; k < sums.length; k++) {
        sums[k] += row[k];
      }
    }
    return sums;
  }
}
