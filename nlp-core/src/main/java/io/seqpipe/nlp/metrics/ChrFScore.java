package io.seqpipe.nlp.metrics;

/**
 * A chrF score with its sacrebleu signature.
 *
 * @param name {@code chrF2}, or {@code chrF2++} with word bigrams
 * @param score 0..100
 * @param signature sacrebleu's reproducibility signature
 */
public record ChrFScore(String name, double score, String signature) {

  /** The score to {@code width} decimals, rounded as Python's format does. */
  public String scoreText(int width) {
    return PythonText.fixed(score, width);
  }

  /** sacrebleu's text line with {@code width} decimals (sacrebleu prints chrF with one more than BLEU). */
  public String format(int width) {
    return name + "|" + signature + " = " + scoreText(width);
  }
}
