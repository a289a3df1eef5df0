package io.seqpipe.grammar.spec;

/**
 * Word embeddings: learned from scratch ({@code learned(dim: 128)}) or read from a file ({@code
 * glove("glove.6B.100d.txt", frozen: true)}; formats {@code glove}, {@code word2vec}, {@code
 * word2vec-binary}, {@code fasttext}).
 *
 * @param type {@code learned} or the file's format
 * @param file the vectors file, or null when learned
 * @param dimension the size of learned vectors; 0 for a file (its vectors decide)
 * @param frozen whether pretrained vectors stay fixed during training
 */
public record EmbeddingsSpec(String type, String file, int dimension, boolean frozen) {
  public static final String LEARNED = "learned";

  public boolean isPretrained() {
    return file != null;
  }
}
