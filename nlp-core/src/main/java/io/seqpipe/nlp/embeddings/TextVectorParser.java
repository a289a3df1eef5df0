package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads text vector files (GloVe, word2vec text, fastText) line by line, straight from bytes. */
final class TextVectorParser {
  enum Header { NONE, OPTIONAL, REQUIRED }

  private final Path file;
  private final Header header;
  private byte[] buffer = new byte[1 << 20];
  private int position;
  private int limit;
  private boolean endOfInput;
  private long lineNumber;
  private int lineStart;
  private int lineEnd;

  TextVectorParser(Path file, Header header) {
    this.file = file;
    this.header = header;
  }

  void parse(InputStream in, VectorSink sink) throws IOException {
    long promised = -1;
    long vectors = 0;
    float[] scratch = new float[0];
    while (nextLine(in)) {
      if (lineStart == lineEnd) {
        continue;
      }
      if (lineNumber == 1 && header != Header.NONE) {
        long[] counts = headerCounts();
        if (counts != null) {
          promised = counts[0];
          sink.dimension((int) counts[1]);
          scratch = new float[sink.dimension()];
          continue;
        }
        if (header == Header.REQUIRED) {
          throw error(lineStart, "expected a header line 'count dimension', found '" + text(lineStart, lineEnd) + "'");
        }
      }
      int wordEnd = nextSpace(lineStart);
      if (wordEnd == lineEnd) {
        throw error(lineStart, "expected a word followed by numbers, found only '" + text(lineStart, lineEnd) + "'");
      }
      if (sink.dimension() == 0) {
        sink.dimension(countFields(wordEnd));
        scratch = new float[sink.dimension()];
      }
      String word = new String(buffer, lineStart, wordEnd - lineStart, StandardCharsets.UTF_8);
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
      try {
        target[offset + i] = FloatParser.parse(buffer, pos, end);
      } catch (NumberFormatException e) {
        throw error(pos, "expected a number, found '" + text(pos, end) + "'");
      }
      pos = end;
    }
    pos = skipSpaces(pos);
    if (pos != lineEnd) {
      throw error(pos, "expected " + dimension + " values after the word, found more");
    }
  }

  private int countFields(int from) {
    int fields = 0;
    int pos = skipSpaces(from);
    while (pos < lineEnd) {
      fields++;
      pos = skipSpaces(nextSpace(pos));
    }
    return fields;
  }

  /** {count, dimension} if the current line is a word2vec header, else null. */
  private long[] headerCounts() {
    String[] fields = text(lineStart, lineEnd).trim().split("[ \t]+");
    if (fields.length != 2) {
      return null;
    }
    try {
      long count = Long.parseLong(fields[0]);
      long dimension = Long.parseLong(fields[1]);
      if (count < 0 || dimension <= 0 || dimension > 1_000_000) {
        throw error(lineStart, "expected a header 'count dimension' with positive numbers, found '"
            + text(lineStart, lineEnd) + "'");
      }
      return new long[] {count, dimension};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private int skipSpaces(int pos) {
    while (pos < lineEnd && (buffer[pos] == ' ' || buffer[pos] == '\t')) {
      pos++;
    }
    return pos;
  }

  private int nextSpace(int pos) {
    while (pos < lineEnd && buffer[pos] != ' ' && buffer[pos] != '\t') {
      pos++;
    }
    return pos;
  }

  /** Advances to the next line; false at end of input. Trailing spaces and CR are cut off. */
  private boolean nextLine(InputStream in) throws IOException {
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          setLine(position, i);
          position = i + 1;
          return true;
        }
      }
      if (endOfInput) {
        if (position < limit) {
          setLine(position, limit);
          position = limit;
          return true;
        }
        return false;
      }
      fill(in);
    }
  }

  private void setLine(int start, int end) {
    lineNumber++;
    lineStart = start;
    while (end > start && (buffer[end - 1] == '\r' || buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) {
      end--;
    }
    lineEnd = end;
  }

  private void fill(InputStream in) throws IOException {
    int remaining = limit - position;
    if (position == 0 && limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    } else {
      System.arraycopy(buffer, position, buffer, 0, remaining);
    }
    position = 0;
    limit = remaining;
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
    } else {
      limit += read;
    }
  }

  private String text(int from, int to) {
    String text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private InputFormatException error(int pos, String problem) {
    int column = new String(buffer, lineStart, pos - lineStart, StandardCharsets.UTF_8).length() + 1;
    return new InputFormatException(file, lineNumber, column, problem);
  }
}
