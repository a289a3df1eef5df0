package io.seqpipe.seq2seq.search;

/**
 * GNMT's length penalty (Wu et al. 2016): a hypothesis' log-probability is divided by {@code ((5 +
 * length) / 6)^alpha}, so that beam search does not favour short outputs. {@code alpha = 0} turns it
 * off.
 *
 * <pre>{@code
 * LengthPenalty penalty = new LengthPenalty(0.6);
 * double score = penalty.normalize(logProbability, outputLength);
 * }</pre>
 */
public record LengthPenalty(double alpha) {
  public static final LengthPenalty NONE = new LengthPenalty(0);

  public LengthPenalty {
    if (alpha < 0 || Double.isNaN(alpha)) {
      throw new IllegalArgumentException("length penalty alpha must be >= 0, got " + alpha);
    }
  }

  /** The divisor for an output of {@code length} tokens. */
  public double divisor(int length) {
    return Math.pow((5.0 + length) / 6.0, alpha);
  }

  /** The score a beam ranks by: log-probability over {@link #divisor(int)}. */
  public double normalize(double logProbability, int length) {
    return logProbability / divisor(length);
  }
}
