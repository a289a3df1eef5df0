package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads text vector files (GloVe, word2vec text, fastText) line by line from an {@link
 * io.seqpipe.nlp.io.Utf8Reader}, which locates bad UTF-8 and over-long lines; numbers are parsed in place.
 * Values must be finite: a NaN or infinity is refused here rather than found later as a NaN loss.
 */
final class TextVectorParser {
  enum Header { NONE, OPTIONAL, REQUIRED }

  private final Path file;
  private final Header header;
  private String line;
  private long lineNumber;
  private int lineEnd;

  TextVectorParser(Path file, Header header) {
    this.file = file;
    this.header = header;
  }

  void parse(BufferedReader in, VectorSink sink) throws IOException {
    long promised = -1;
    long vectors = 0;
    float[] scratch = new float[0];
    while ((line = in.readLine()) != null) {
      lineNumber++;
      lineEnd = trimmedEnd(line);
      if (lineEnd == 0) {
        continue;
      }
      if (lineNumber == 1 && header != Header.NONE) {
        VectorHeader counts = header == Header.REQUIRED ? VectorHeader.require(file, line)
            : VectorHeader.parse(file, line);
        if (counts != null) {
          promised = counts.count();
          sink.dimension(counts.dimension());
          scratch = new float[sink.dimension()];
          continue;
        }
      }
      int wordEnd = nextSpace(0);
      if (wordEnd == lineEnd) {
        throw error(0, "expected a word followed by numbers, found only " + Quote.quoted(line.substring(0, lineEnd)));
      }
      if (sink.dimension() == 0) {
        sink.dimension(dimensionOfFirstRow(wordEnd));
        scratch = new float[sink.dimension()];
      }
      String word = line.substring(0, wordEnd);
      if (sink.wants(word)) {
        int offset = sink.reserve(word); // may grow the array: take values() after it
        readValues(wordEnd, sink.values(), offset, sink.dimension());
      } else {
        readValues(wordEnd, scratch, 0, sink.dimension());
      }
      vectors++;
    }
    if (promised >= 0 && vectors != promised) {
      throw new InputFormatException(file, 1, 1,
          "the header promises " + promised + " vectors, the file has " + vectors);
    }
  }

  private void readValues(int from, float[] target, int offset, int dimension) {
    int pos = from;
    for (int i = 0; i < dimension; i++) {
      pos = skipSpaces(pos);
      if (pos == lineEnd) {
        throw error(pos, "expected " + dimension + " values after the word, found " + i);
      }
      int end = nextSpace(pos);
      float value;
      try {
        value = FloatParser.parse(line, pos, end);
      } catch (NumberFormatException e) {
        throw error(pos, "expected a number, found " + Quote.quoted(line.substring(pos, end)));
      }
      if (!Float.isFinite(value)) {
        throw error(pos, "expected a finite number, found " + Quote.quoted(line.substring(pos, end)));
      }
      target[offset + i] = value;
      pos = end;
    }
    pos = skipSpaces(pos);
    if (pos != lineEnd) {
      throw error(pos, "expected " + dimension + " values after the word, found more");
    }
  }

  /** The number of values on the first row, which sets the dimension of a file without a header. */
  private int dimensionOfFirstRow(int from) {
    int fields = 0;
    int pos = skipSpaces(from);
    while (pos < lineEnd) {
      if (++fields > VectorHeader.MAX_DIMENSION) {
        throw error(pos, "expected at most " + VectorHeader.MAX_DIMENSION + " values after the word, found more");
      }
      pos = skipSpaces(nextSpace(pos));
    }
    return fields;
  }

  /** Where the line ends without trailing spaces and tabs. */
  private static int trimmedEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return end;
  }

  private int skipSpaces(int pos) {
    while (pos < lineEnd && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
      pos++;
    }
    return pos;
  }

  private int nextSpace(int pos) {
    while (pos < lineEnd && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
      pos++;
    }
    return pos;
  }

  private InputFormatException error(int pos, String problem) {
    return new InputFormatException(file, lineNumber, pos + 1, problem);
  }
}
