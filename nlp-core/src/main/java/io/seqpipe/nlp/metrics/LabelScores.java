package io.seqpipe.nlp.metrics;

/**
 * Precision, recall and F1 of one label (or of an average), and its support.
 *
 * @param label the label, or the average's name ({@code macro avg}, {@code micro avg}, {@code weighted
 *     avg})
 * @param support number of items whose true label it is (all items for an average)
 */
public record LabelScores(String label, double precision, double recall, double f1, long support) {}
