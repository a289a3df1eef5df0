package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads word2vec's binary format: a text header {@code count dim}, then word, space, dim floats (LE). */
final class BinaryVectorParser {
  private final Path file;
  private long offset;

  BinaryVectorParser(Path file) {
    this.file = file;
  }

  void parse(InputStream raw, VectorSink sink) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    String header = readUntil(in, '\n', "the header line 'count dimension'").trim();
    String[] fields = header.split("[ \t]+");
    long count;
    int dimension;
    try {
      if (fields.length != 2) {
        throw new NumberFormatException();
      }
      count = Long.parseLong(fields[0]);
      dimension = Integer.parseInt(fields[1]);
      if (count < 0 || dimension <= 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new InputFormatException(file, 1, 1,
          "expected a header line 'count dimension', found '" + header + "'");
    }
    sink.dimension(dimension);
    byte[] bytes = new byte[4 * dimension];
    float[] scratch = new float[dimension];
    for (long entry = 1; entry <= count; entry++) {
      String word = readWord(in, entry, count);
      int read = in.readNBytes(bytes, 0, bytes.length);
      offset += read;
      if (read < bytes.length) {
        throw new InputFormatException(file, 0, 0, "vector " + entry + " ('" + word + "') ends at byte "
            + offset + ": expected " + dimension + " floats, the file is truncated");
      }
      float[] target = scratch;
      int at = 0;
      if (sink.wants(word)) {
        at = sink.reserve(word);
        target = sink.values();
      }
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, at, dimension);
    }
  }

  private String readWord(InputStream in, long entry, long count) throws IOException {
    String word = readUntil(in, ' ', "vector " + entry + " of " + count).strip();
    if (word.isEmpty()) {
      throw new InputFormatException(file, 0, 0,
          "expected a word for vector " + entry + " of " + count + " at byte " + offset);
    }
    return word;
  }

  private String readUntil(InputStream in, char end, String what) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != end) {
      if (b < 0) {
        throw new InputFormatException(file, 0, 0,
            "expected " + what + " at byte " + offset + ", the file ends there");
      }
      offset++;
      bytes.write(b);
    }
    offset++;
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
