package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paired bootstrap resampling of systems scored on the same segments, with sacrebleu's statistics
 * ({@code --paired-bs}, after Koehn 2004 and Moses' {@code bootstrap-hypothesis-difference-significance.pl}):
 * each of {@code samples} resamples draws the segments with replacement, the same draw for every system;
 * a system's mean and 95% confidence interval come from its resample scores (half the distance between
 * the 2.5th and 97.5th percentiles, sacrebleu's {@code estimate_ci}); the p-value of a system against the
 * baseline (the first) is {@code (c + 1) / (samples + 1)}, where {@code c} counts resamples whose absolute
 * difference, centred on the mean absolute difference, exceeds the observed absolute difference.
 *
 * <p>Seeded: the same inputs and seed give the same numbers. The draws come from Java's {@link
 * SplittableRandom}, not numpy's generator, so individual resamples differ from sacrebleu's; the test is
 * the same. Where a system's resample scores never differ from the baseline's (identical outputs), its
 * p-value is 1: there is no difference to test (sacrebleu's formula would give {@code 1 / (samples + 1)}).
 *
 * <pre>{@code
 * Bleu bleu = Bleu.builder().build();
 * List<PairedBootstrap.Result> results = PairedBootstrap.compare(references.size(),
 *     List.of(PairedBootstrap.corpus(bleu, baseline, List.of(references)),
 *         PairedBootstrap.corpus(bleu, system, List.of(references))), 1000, 12345);
 * results.get(1).pValue();
 * }</pre>
 */
public final class PairedBootstrap {
  /** sacrebleu's number of resamples. */
  public static final int DEFAULT_SAMPLES = 1000;
  /** sacrebleu's default seed. */
  public static final long DEFAULT_SEED = 12345;

  /** A system's score on a resample, given as the segment indices drawn (repeats allowed). */
  public interface Scorer {
    double score(int[] segments);
  }

  /**
   * One system's result.
   *
   * @param score its score on all segments
   * @param mean the mean of its resample scores
   * @param ci half the width of the 95% confidence interval
   * @param pValue against the baseline; NaN for the baseline itself
   */
  public record Result(double score, double mean, double ci, double pValue) {}

  private PairedBootstrap() {}

  /** A corpus metric's scorer for one system's segments. */
  public static Scorer corpus(CorpusStatistics metric, List<String> hypotheses, List<List<String>> referenceStreams) {
    long[][] rows = metric.statistics(hypotheses, referenceStreams);
    return segments -> metric.score(CorpusStatistics.sum(rows, segments));
  }

  /**
   * Resamples {@code segments} segments {@code samples} times and scores every system on each.
   *
   * @param systems the baseline first, then the systems compared with it
   */
  public static List<Result> compare(int segments, List<Scorer> systems, int samples, long seed) {
    if (segments < 1 || samples < 1 || systems.isEmpty()) {
      throw new IllegalArgumentException("expected segments, resamples and at least one system; got " + segments
          + " segments, " + samples + " resamples, " + systems.size() + " systems");
    }
    int[] all = new int[segments];
    Arrays.setAll(all, i -> i);
    double[][] scores = new double[systems.size()][samples];
    SplittableRandom random = new SplittableRandom(seed);
    int[] draw = new int[segments];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < segments; i++) {
        draw[i] = random.nextInt(segments);
      }
      for (int system = 0; system < systems.size(); system++) {
        scores[system][s] = systems.get(system).score(draw);
      }
    }
    double baseline = systems.get(0).score(all);
    List<Result> results = new ArrayList<>();
    for (int system = 0; system < systems.size(); system++) {
      double score = system == 0 ? baseline : systems.get(system).score(all);
      double[] interval = meanAndInterval(scores[system]);
      double p = system == 0 ? Double.NaN : pValue(scores[system], scores[0], Math.abs(score - baseline));
      results.add(new Result(score, interval[0], interval[1], p));
    }
    return results;
  }

  /** sacrebleu's {@code estimate_ci}: the mean, and half the distance between the n/40-th scores from each end. */
  private static double[] meanAndInterval(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int lower = sorted.length / 40;
    int upper = sorted.length - lower - 1;
    return new double[] {Arrays.stream(sorted).average().orElse(Double.NaN), 0.5 * (sorted[upper] - sorted[lower])};
  }

  private static double pValue(double[] system, double[] baseline, double observed) {
    double[] differences = new double[system.length];
    double mean = 0;
    for (int i = 0; i < differences.length; i++) {
      differences[i] = Math.abs(system[i] - baseline[i]);
      mean += differences[i];
    }
    mean /= differences.length;
    if (mean == 0) {
      return 1.0; // no resample tells the systems apart
    }
    int exceeding = 0;
    for (double difference : differences) {
      if (difference - mean > observed) {
        exceeding++;
      }
    }
    return (exceeding + 1.0) / (differences.length + 1.0);
  }
}
