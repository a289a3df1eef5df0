package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads word2vec's binary format: a text header {@code count dim}, then word, space, dim floats (LE).
 *
 * <p>The header is checked against the file's size before anything is allocated, so a damaged header
 * fails on line 1 instead of running out of memory; a record cut short or holding a NaN or infinity
 * fails naming the record and its byte offset.
 */
final class BinaryVectorParser {
  private final Path file;
  private final long size;
  private long offset;

  /** @param size the file's size in bytes, {@link Long#MAX_VALUE} if unknown (a pipe) */
  BinaryVectorParser(Path file, long size) {
    this.file = file;
    this.size = size;
  }

  void parse(InputStream raw, VectorSink sink) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    if (size == 0) {
      throw new InputFormatException(file, 1, 1, "expected a header line 'count dimension', found an empty file");
    }
    VectorHeader header = VectorHeader.require(file, readUntil(in, '\n', "the header line 'count dimension'"));
    long count = header.count();
    int dimension = header.dimension();
    long recordBytes = 4L * dimension + 2; // at least a one-byte word and its space
    long remaining = size - offset;
    if (count > remaining / recordBytes) {
      String needed = count > Long.MAX_VALUE / recordBytes ? "more than " + Long.MAX_VALUE : "at least " + count * recordBytes;
      throw new InputFormatException(file, 1, 1, "the header promises " + count + " vectors of " + dimension
          + " floats (" + needed + " bytes), the file has " + remaining + " bytes after it: "
          + "the file is truncated or the header is wrong");
    }
    sink.dimension(dimension);
    byte[] bytes = new byte[4 * dimension];
    float[] scratch = new float[dimension];
    for (long entry = 1; entry <= count; entry++) {
      long start = offset;
      String word = readWord(in, entry, count);
      int read = in.readNBytes(bytes, 0, bytes.length);
      offset += read;
      if (read < bytes.length) {
        throw new InputFormatException(file, 0, 0, record(entry, count, word, start) + ": expected "
            + dimension + " floats (" + bytes.length + " bytes), found " + read + " bytes; the file is truncated");
      }
      float[] target = scratch;
      int at = 0;
      if (sink.wants(word)) {
        at = sink.reserve(word);
        target = sink.values();
      }
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, at, dimension);
      for (int i = 0; i < dimension; i++) {
        if (!Float.isFinite(target[at + i])) {
          throw new InputFormatException(file, 0, 0, record(entry, count, word, start) + ": value " + (i + 1)
              + " is " + target[at + i] + ", expected finite numbers");
        }
      }
    }
  }

  private static String record(long entry, long count, String word, long start) {
    return "vector " + entry + " of " + count + " (" + Quote.quoted(word) + ", at byte " + start + ")";
  }

  private String readWord(InputStream in, long entry, long count) throws IOException {
    String word = readUntil(in, ' ', "vector " + entry + " of " + count).strip();
    if (word.isEmpty()) {
      throw new InputFormatException(file, 0, 0,
          "expected a word for vector " + entry + " of " + count + " at byte " + offset);
    }
    return word;
  }

  /** The text up to {@code end}, at most {@link Utf8Reader#MAX_LINE_CHARS} bytes of it. */
  private String readUntil(InputStream in, char end, String what) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long start = offset;
    int b;
    while ((b = in.read()) != end) {
      if (b < 0) {
        throw new InputFormatException(file, 0, 0,
            "expected " + what + " at byte " + start + ", the file ends at byte " + offset);
      }
      if (bytes.size() == Utf8Reader.MAX_LINE_CHARS) {
        throw new InputFormatException(file, 0, 0, "expected " + what + " at byte " + start
            + ", found " + Utf8Reader.MAX_LINE_CHARS + " bytes (1 MiB) without " + (end == ' ' ? "a space" : "a line break"));
      }
      offset++;
      bytes.write(b);
    }
    offset++;
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
