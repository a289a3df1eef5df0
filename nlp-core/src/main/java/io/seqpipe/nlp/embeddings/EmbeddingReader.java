package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.InputFiles;
import io.seqpipe.nlp.io.Utf8Reader;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.BufferedReader;
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
 * <p>Ragged rows, bad numbers, NaN or infinite values, invalid UTF-8, a header that disagrees with the
 * body or with the file's size, and a truncated binary file fail with an {@link InputFormatException}
 * naming the file, line and column (for binary records: the record and its byte offset).
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
    VectorSink sink = new VectorSink(keep);
    if (format == EmbeddingFormat.WORD2VEC_BINARY) {
      try (InputStream in = InputFiles.open(file)) {
        long size = Files.isRegularFile(file) ? Files.size(file) : Long.MAX_VALUE;
        new BinaryVectorParser(file, size).parse(in, sink);
      }
    } else {
      try (BufferedReader in = Utf8Reader.open(file)) {
        new TextVectorParser(file, header(format)).parse(in, sink);
      }
    }
    if (sink.dimension() == 0) {
      throw new InputFormatException(file, "expected word vectors, found none");
    }
    return sink.toEmbeddings();
  }

  private static TextVectorParser.Header header(EmbeddingFormat format) {
    return switch (format) {
      case GLOVE -> TextVectorParser.Header.NONE;
      case WORD2VEC -> TextVectorParser.Header.OPTIONAL;
      case FASTTEXT -> TextVectorParser.Header.REQUIRED;
      case WORD2VEC_BINARY -> throw new IllegalArgumentException(format.toString());
    };
  }
}
