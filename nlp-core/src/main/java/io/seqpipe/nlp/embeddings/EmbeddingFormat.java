package io.seqpipe.nlp.embeddings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats {@link EmbeddingReader} reads. */
public enum EmbeddingFormat {
  /** GloVe text: {@code word v1 ... vd} a line, no header. */
  GLOVE("glove"),
  /** word2vec text: like GloVe, with or without a {@code count dim} header line. */
  WORD2VEC("word2vec"),
  /** word2vec binary: a {@code count dim} header line, then the word, a space, d little-endian floats. */
  WORD2VEC_BINARY("word2vec-binary"),
  /** fastText {@code .vec}: word2vec text with its {@code count dim} header line required. */
  FASTTEXT("fasttext");

  private final String id;

  EmbeddingFormat(String id) {
    this.id = id;
  }

  /** The name used in pipeline files. */
  public String id() {
    return id;
  }

  /** Looks a format up by {@link #id()}; fails naming the formats there are. */
  public static EmbeddingFormat fromId(String id) {
    for (EmbeddingFormat format : values()) {
      if (format.id.equals(id.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown embeddings format '" + id + "'; available: "
        + Arrays.stream(values()).map(EmbeddingFormat::id).collect(Collectors.joining(", ")));
  }
}
