package io.seqpipe.grammar.spec;

/**
 * Word embeddings: learned from scratch ({@code learned(dim: 128)}), read from a file ({@code
 * glove("glove.6B.100d.txt", frozen: true)}; formats {@code glove}, {@code word2vec}, {@code
 * word2vec-binary}, {@code fasttext}) or from a pinned dataset of vectors ({@code glove(dataset:
 * glove-6b-100d)}).
 *
 * @param type {@code learned} or the vectors' format
 * @param file the vectors file, or null when learned or named by a dataset
 * @param dataset the dataset recipe of the vectors, or null
 * @param dimension the size of learned vectors; 0 for pretrained ones (the vectors decide)
 * @param frozen whether pretrained vectors stay fixed during training
 */
public record EmbeddingsSpec(String type, String file, String dataset, int dimension, boolean frozen) {
  public static final String LEARNED = "learned";

  public boolean isPretrained() {
    return file != null || dataset != null;
  }
}
