package io.seqpipe.nlp.metrics;

/** The sacrebleu release whose definitions and signatures Seqpipe's BLEU and chrF reproduce. */
final class MetricSignature {
  static final String SACREBLEU_VERSION = "2.4.3";

  private MetricSignature() {}

  /** sacrebleu's {@code nrefs} field: the count of references, or {@code var} if it varies. */
  static String nrefs(int min, int max) {
    return min == max ? Integer.toString(min) : "var";
  }
}
