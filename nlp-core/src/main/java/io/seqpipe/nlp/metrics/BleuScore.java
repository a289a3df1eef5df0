package io.seqpipe.nlp.metrics;

/**
 * A BLEU score with its sufficient statistics and sacrebleu signature.
 *
 * <pre>{@code
 * score.score();       // 48.530827...
 * score.format(2);     // "BLEU|nrefs:2|...|version:2.4.3 = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ...)"
 * }</pre>
 *
 * @param score BLEU, 0..100
 * @param correct clipped n-gram matches per order
 * @param total hypothesis n-grams per order
 * @param precisions n-gram precisions per order (after smoothing), 0..100
 * @param brevityPenalty the brevity penalty
 * @param sysLen hypothesis length in tokens
 * @param refLen effective reference length in tokens
 * @param signature sacrebleu's reproducibility signature
 */
public record BleuScore(double score, long[] correct, long[] total, double[] precisions,
    double brevityPenalty, long sysLen, long refLen, String signature) {

  /** Hypothesis length over reference length, 0 if there is no reference token. */
  public double ratio() {
    return refLen == 0 ? 0 : (double) sysLen / refLen;
  }

  /** The precisions as sacrebleu prints them: {@code 82.4/50.0/45.5/37.5}. */
  public String precisionString() {
    StringBuilder out = new StringBuilder();
    for (double precision : precisions) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(PythonText.fixed(precision, 1));
    }
    return out.toString();
  }

  /** What follows the score on sacrebleu's line: precisions, BP, ratio and lengths. */
  public String verbose() {
    return precisionString() + " (BP = " + PythonText.fixed(brevityPenalty, 3) + " ratio = "
        + PythonText.fixed(ratio(), 3) + " hyp_len = " + sysLen + " ref_len = " + refLen + ")";
  }

  /** The score to {@code width} decimals, rounded as Python's format does. */
  public String scoreText(int width) {
    return PythonText.fixed(score, width);
  }

  /** sacrebleu's text line, with the score to {@code width} decimals. */
  public String format(int width) {
    return "BLEU|" + signature + " = " + scoreText(width) + " " + verbose();
  }
}
