package io.seqpipe.nlp.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged embedding files: each gives one located line. FILE in a message stands for the file's path. */
class EmbeddingFileErrorsTest {
  @TempDir Path dir;

  /** Text as bytes, one byte a char ("\u00e9" is the single byte 0xE9, not UTF-8). */
  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A binary file: the header and words as UTF-8 text, each float as 4 little-endian bytes. */
  private static byte[] binary(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Float value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
      } else {
        out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private void assertRefused(EmbeddingFormat format, byte[] content, String message) throws Exception {
    Path file = dir.resolve(format == EmbeddingFormat.WORD2VEC_BINARY ? "vectors.bin" : "vectors.txt");
    Files.write(file, content);
    assertThatThrownBy(() -> EmbeddingReader.read(file, format)).isInstanceOf(InputFormatException.class)
        .hasMessage(message.replace("FILE", file.toString()));
  }

  static Stream<Arguments> binaryFiles() {
    return Stream.of(
        Arguments.of(binary("1 100000000\nw ", 1f), "FILE:1:3: expected a dimension from 1 to 100000, found '100000000'"),
        Arguments.of(binary("-5 2\nw ", 1f, 2f), "FILE:1:1: expected a vector count of 0 or more, found '-5'"),
        Arguments.of(binary("1 -2\nw ", 1f, 2f), "FILE:1:3: expected a dimension from 1 to 100000, found '-2'"),
        Arguments.of(binary("1 0\n"), "FILE:1:3: expected a dimension from 1 to 100000, found '0'"),
        Arguments.of(binary("99999999999999999999 2\n"),
            "FILE:1:1: expected a vector count of 0 or more, found '99999999999999999999'"),
        Arguments.of(binary("abc 2\nw ", 1f, 2f), "FILE:1:1: expected a header line 'count dimension', found 'abc 2'"),
        Arguments.of(binary("1 2 3\nw ", 1f, 2f), "FILE:1:1: expected a header line 'count dimension', found '1 2 3'"),
        Arguments.of(binary("\u0001\u0002\t\n"), "FILE:1:1: expected a header line 'count dimension', found '\\u0001\\u0002\\t'"),
        Arguments.of(binary(""), "FILE:1:1: expected a header line 'count dimension', found an empty file"),
        Arguments.of(binary("1 2"), "FILE: expected the header line 'count dimension' at byte 0, the file ends at byte 3"),
        Arguments.of(binary("3000000000 300\nw ", 1f),
            "FILE:1:1: the header promises 3000000000 vectors of 300 floats (at least 3606000000000 bytes), "
                + "the file has 6 bytes after it: the file is truncated or the header is wrong"),
        Arguments.of(binary("2 2\nw ", 1f, 2f, "\nx ", 3f),
            "FILE:1:1: the header promises 2 vectors of 2 floats (at least 20 bytes), "
                + "the file has 17 bytes after it: the file is truncated or the header is wrong"),
        Arguments.of(binary("1 2\nlongword ", 1f),
            "FILE: vector 1 of 1 ('longword', at byte 4): expected 2 floats (8 bytes), found 4 bytes; the file is truncated"),
        Arguments.of(binary("2 2\nw ", 1f, 2f, "\nv ", 3f, Float.NaN),
            "FILE: vector 2 of 2 ('v', at byte 14): value 2 is NaN, expected finite numbers"),
        Arguments.of(binary("1 2\nw ", Float.NEGATIVE_INFINITY, 2f),
            "FILE: vector 1 of 1 ('w', at byte 4): value 1 is -Infinity, expected finite numbers"));
  }

  @ParameterizedTest
  @MethodSource("binaryFiles")
  void damagedBinaryFiles(byte[] content, String message) throws Exception {
    assertRefused(EmbeddingFormat.WORD2VEC_BINARY, content, message);
  }

  static Stream<Arguments> textFiles() {
    return Stream.of(
        Arguments.of(EmbeddingFormat.GLOVE, "a 1 NaN 3\n", "FILE:1:5: expected a finite number, found 'NaN'"),
        Arguments.of(EmbeddingFormat.GLOVE, "a 1 2 3\nb Infinity 1 2\n", "FILE:2:3: expected a finite number, found 'Infinity'"),
        Arguments.of(EmbeddingFormat.GLOVE, "a -Infinity 1 2\n", "FILE:1:3: expected a finite number, found '-Infinity'"),
        Arguments.of(EmbeddingFormat.GLOVE, "a 1 2 1e39\n", "FILE:1:7: expected a finite number, found '1e39'"),
        Arguments.of(EmbeddingFormat.GLOVE, "a 1 2 inf\n", "FILE:1:7: expected a number, found 'inf'"),
        Arguments.of(EmbeddingFormat.WORD2VEC, "2 3\na 1 2 3\nb 1 nan 3\n", "FILE:3:5: expected a number, found 'nan'"),
        Arguments.of(EmbeddingFormat.FASTTEXT, "1 3\na 0.5 -NaN 1\n", "FILE:2:7: expected a finite number, found '-NaN'"),
        Arguments.of(EmbeddingFormat.FASTTEXT, "2 100000000\na 1\n", "FILE:1:3: expected a dimension from 1 to 100000, found '100000000'"),
        Arguments.of(EmbeddingFormat.WORD2VEC, "-1 3\na 1 2 3\n", "FILE:1:1: expected a vector count of 0 or more, found '-1'"),
        Arguments.of(EmbeddingFormat.GLOVE, "a 1 2\n\u00e9t\u00e9 1 2\n", "FILE:2:1: invalid UTF-8 (byte 0xE9); expected UTF-8 text"),
        Arguments.of(EmbeddingFormat.FASTTEXT, "1 2\nna\u00efve 1 2\n", "FILE:2:3: invalid UTF-8 (byte 0xEF); expected UTF-8 text"),
        Arguments.of(EmbeddingFormat.GLOVE, "ctrl\u0001word\n", "FILE:1:1: expected a word followed by numbers, found only 'ctrl\\u0001word'"),
        Arguments.of(EmbeddingFormat.GLOVE, "x".repeat(100) + "\n",
            "FILE:1:1: expected a word followed by numbers, found only '" + "x".repeat(57) + "...'"),
        Arguments.of(EmbeddingFormat.GLOVE, "", "FILE: expected word vectors, found none"),
        Arguments.of(EmbeddingFormat.FASTTEXT, "", "FILE: expected word vectors, found none"));
  }

  @ParameterizedTest
  @MethodSource("textFiles")
  void damagedTextFiles(EmbeddingFormat format, String content, String message) throws Exception {
    assertRefused(format, latin1(content), message);
  }

  @Test
  void aByteOrderMarkIsNoPartOfTheFirstWord() throws Exception {
    Path file = dir.resolve("bom.txt");
    Files.write(file, "\uFEFFthe 1 2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(EmbeddingReader.read(file, EmbeddingFormat.GLOVE).words()).containsExactly("the");
  }

  @Test
  void aDirectoryIsNoEmbeddingFile() {
    for (EmbeddingFormat format : EmbeddingFormat.values()) {
      assertThatThrownBy(() -> EmbeddingReader.read(dir, format)).isInstanceOf(InputFormatException.class)
          .hasMessage(dir + ": is a directory, expected a file");
    }
  }
}
