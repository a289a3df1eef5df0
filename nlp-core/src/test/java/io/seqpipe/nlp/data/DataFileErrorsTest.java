package io.seqpipe.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.Utf8Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged TSV, CSV, JSON lines and parallel files: each gives one located line. FILE in a message
 * stands for the file's path; inputs are written one byte a char ("\u00e9" is the byte 0xE9, not UTF-8).
 */
class DataFileErrorsTest {
  @TempDir Path dir;

  private static final String LONG_LINE = "x".repeat(Utf8Reader.MAX_LINE_CHARS + 10);

  static Stream<Arguments> classificationFiles() {
    return Stream.of(
        Arguments.of("data.tsv", "label\ttext\npos\tgood\nneg\tmauvais caf\u00e9\n",
            "FILE:3:16: invalid UTF-8 (byte 0xE9); expected UTF-8 text"),
        Arguments.of("data.tsv", "lab\u00e9l\ttext\npos\tgood\n", "FILE:1:4: invalid UTF-8 (byte 0xE9); expected UTF-8 text"),
        Arguments.of("data.csv", "label,text\r\npos,\"two\r\nlines \u00ff\"\r\n",
            "FILE:3:7: invalid UTF-8 (byte 0xFF); expected UTF-8 text"),
        Arguments.of("data.jsonl", "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"na\u00efve\", \"label\": \"b\"}\n",
            "FILE:2:13: invalid UTF-8 (byte 0xEF); expected UTF-8 text"),
        Arguments.of("data.tsv", "", "FILE:1:1: expected a header row, found an empty file"),
        Arguments.of("data.tsv", "\u00ef\u00bb\u00bf", "FILE:1:1: expected a header row, found an empty file"),
        Arguments.of("data.csv", "", "FILE:1:1: expected a header row, found an empty file"),
        Arguments.of("data.jsonl", "", "FILE:1:1: expected JSON lines with examples, found none"),
        Arguments.of("data.jsonl", "\n\n", "FILE:1:1: expected JSON lines with examples, found none"),
        Arguments.of("data.tsv", "label\tbody\u0007\t" + "c".repeat(80) + "\npos\tx\ty\n",
            "FILE:1:1: expected a column 'text'; the header has: label, body\\u0007, " + "c".repeat(38) + "..."),
        Arguments.of("data.jsonl", "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"" + LONG_LINE + "\"}\n",
            "FILE:2: line longer than 1048576 characters (1 MiB); expected lines of text"),
        Arguments.of("data.tsv", "label\ttext\npos\t" + LONG_LINE + "\n",
            "FILE:2: line longer than 1048576 characters (1 MiB); expected lines of text"));
  }

  @ParameterizedTest
  @MethodSource("classificationFiles")
  void damagedClassificationFiles(String name, String content, String message) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ClassificationReader.forFile(file, "text", "label").read(file))
        .isInstanceOf(InputFormatException.class).hasMessage(message.replace("FILE", file.toString()));
  }

  @ParameterizedTest
  @MethodSource("names")
  void aDirectoryIsNoDataFile(String name) throws Exception {
    Path directory = Files.createDirectory(dir.resolve(name));
    assertThatThrownBy(() -> ClassificationReader.forFile(directory, "text", "label").read(directory))
        .isInstanceOf(InputFormatException.class).hasMessage(directory + ": is a directory, expected a file");
  }

  static Stream<String> names() {
    return Stream.of("data.tsv", "data.csv", "data.jsonl");
  }

  static Stream<Arguments> byteOrderMarks() {
    return Stream.of(
        Arguments.of("bom.tsv", "\uFEFFlabel\ttext\npos\tgood\n"),
        Arguments.of("bom.csv", "\uFEFFlabel,text\r\npos,good\r\n"),
        Arguments.of("bom.jsonl", "\uFEFF{\"label\": \"pos\", \"text\": \"good\"}\n"));
  }

  @ParameterizedTest
  @MethodSource("byteOrderMarks")
  void aByteOrderMarkIsNoPartOfTheFirstColumn(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    assertThat(ClassificationReader.forFile(file, "text", "label").read(file))
        .containsExactly(new ClassificationExample("good", "pos", 2 - (name.endsWith(".jsonl") ? 1 : 0)));
  }

  @Test
  void parallelFilesNameTheFileWithBadUtf8() throws Exception {
    Files.write(dir.resolve("train.de"), "eins\nzwei\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("train.en"), "one\n\u0093two\u0094\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ParallelCorpus.of(dir.resolve("train"), "de", "en").read())
        .isInstanceOf(InputFormatException.class)
        .hasMessage(dir.resolve("train.en") + ":2:1: invalid UTF-8 (byte 0x93); expected UTF-8 text");
  }

  @Test
  void parallelFilesThatAreEmptyOrDirectories() throws Exception {
    Files.write(dir.resolve("empty.de"), new byte[0]);
    Files.write(dir.resolve("empty.en"), new byte[0]);
    assertThatThrownBy(() -> ParallelCorpus.of(dir.resolve("empty"), "de", "en").read())
        .hasMessage(dir.resolve("empty.de") + ": expected sentence pairs, found empty files");
    Files.createDirectory(dir.resolve("dir.de"));
    Files.write(dir.resolve("dir.en"), List.of("one"));
    assertThatThrownBy(() -> ParallelCorpus.of(dir.resolve("dir"), "de", "en").read())
        .isInstanceOf(InputFormatException.class).hasMessage(dir.resolve("dir.de") + ": is a directory, expected a file");
  }
}
