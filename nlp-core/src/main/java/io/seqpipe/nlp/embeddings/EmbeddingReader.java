package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads word vectors in GloVe, word2vec (text or binary) and fastText formats, streaming: memory grows
 * with the words kept, not with the file.
 *
 * <pre>{@code
 * // every word of the file
 * Embeddings all = EmbeddingReader.read(path, EmbeddingFormat.GLOVE);
 * // only what a vocabulary can use (its words and their lowercase forms)
 * Embeddings some = EmbeddingReader.read(path, EmbeddingFormat.GLOVE, vocabulary);
 * }</pre>
 *
 * <p>Ragged rows, bad numbers, a header that disagrees with the body or a truncated binary file fail
 * with an {@link InputFormatException} naming the file, line and column.
 */
public final class EmbeddingReader {
  private EmbeddingReader() {}

  public static Embeddings read(Path file, EmbeddingFormat format) throws IOException {
    return read(file, format, word -> true);
  }

  /** Keeps the vectors of the vocabulary's words and of their lowercase forms. */
  public static Embeddings read(Path file, EmbeddingFormat format, Vocabulary vocabulary)
      throws IOException {
    Set<String> wanted = new HashSet<>();
    for (String token : vocabulary.tokens()) {
      wanted.add(token);
      wanted.add(token.toLowerCase(Locale.ROOT));
    }
    return read(file, format, wanted::contains);
  }

  /** Keeps the vectors of the words {@code keep} accepts. */
  public static Embeddings read(Path file, EmbeddingFormat format, Predicate<String> keep)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      VectorSink sink = new VectorSink(keep);
      switch (format) {
        case GLOVE -> new TextVectorParser(file, TextVectorParser.Header.NONE).parse(in, sink);
        case WORD2VEC -> new TextVectorParser(file, TextVectorParser.Header.OPTIONAL).parse(in, sink);
        case FASTTEXT -> new TextVectorParser(file, TextVectorParser.Header.REQUIRED).parse(in, sink);
        case WORD2VEC_BINARY -> new BinaryVectorParser(file).parse(in, sink);
        default -> throw new IllegalStateException(format.toString());
      }
      if (sink.dimension() == 0) {
        throw new InputFormatException(file, "expected word vectors, found none");
      }
      return sink.toEmbeddings();
    }
  }
}
