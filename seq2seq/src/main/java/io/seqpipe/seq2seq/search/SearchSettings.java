package io.seqpipe.seq2seq.search;

/**
 * What search may output.
 *
 * @param beamSize hypotheses kept per sentence (1 = greedy)
 * @param penalty the length penalty beams are ranked by
 * @param maxRatio the longest output, as a multiple of the source length (at least 1 token)
 * @param minLength the shortest output before {@code </s>} is allowed
 * @param nBest hypotheses returned per sentence ({@code <= beamSize})
 * @param noRepeatNgram forbid repeating any n-gram of this size within an output (0 = off)
 */
public record SearchSettings(int beamSize, LengthPenalty penalty, double maxRatio, int minLength, int nBest,
    int noRepeatNgram) {

  public SearchSettings {
    if (beamSize < 1 || nBest < 1 || nBest > beamSize) {
      throw new IllegalArgumentException("need 1 <= n_best <= beam, got beam " + beamSize + ", n_best " + nBest);
    }
  }

  public static SearchSettings greedy(double maxRatio) {
    return new SearchSettings(1, LengthPenalty.NONE, maxRatio, 0, 1, 0);
  }

  /** These settings with another beam size and n-best count. */
  public SearchSettings withBeam(int beam, int best) {
    return new SearchSettings(beam, penalty, maxRatio, minLength, best, noRepeatNgram);
  }

  /** These settings with another length penalty. */
  public SearchSettings withPenalty(LengthPenalty other) {
    return new SearchSettings(beamSize, other, maxRatio, minLength, nBest, noRepeatNgram);
  }

  /** The longest output for a source of {@code sourceLength} tokens. */
  public int maxLength(int sourceLength) {
    return Math.max(1, (int) Math.ceil(maxRatio * sourceLength));
  }
}
