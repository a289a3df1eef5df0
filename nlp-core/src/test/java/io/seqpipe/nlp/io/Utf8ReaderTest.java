package io.seqpipe.nlp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Utf8ReaderTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1); // one char a byte: "\u00e9" is the byte 0xE9
  }

  private static List<String> lines(byte[] input, String source) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = Utf8Reader.open(new ByteArrayInputStream(input), source)) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("\u00e9t\u00e9\n", "in.txt:1:1: invalid UTF-8 (byte 0xE9); expected UTF-8 text"),
        Arguments.of("ok\nfine\nca\u00e7a\n", "in.txt:3:3: invalid UTF-8 (byte 0xE7); expected UTF-8 text"),
        Arguments.of("a\r\nb\r\n\u00c3\u00a9\u00ff\n", "in.txt:3:2: invalid UTF-8 (byte 0xFF); expected UTF-8 text"),
        Arguments.of("a\rb\rc\u0080\n", "in.txt:3:2: invalid UTF-8 (byte 0x80); expected UTF-8 text"),
        Arguments.of("overlong \u00c0\u00af\n", "in.txt:1:10: invalid UTF-8 (byte 0xC0); expected UTF-8 text"),
        Arguments.of("surrogate \u00ed\u00a0\u0080\n", "in.txt:1:11: invalid UTF-8 (bytes 0xED 0xA0 0x80); expected UTF-8 text"),
        Arguments.of("x\ncut \u00e2\u0082", "in.txt:2:5: invalid UTF-8 (bytes 0xE2 0x82 at the end of the input); expected UTF-8 text"),
        Arguments.of("\u00ef\u00bb\u00bfbom then \u00fe\n", "in.txt:1:10: invalid UTF-8 (byte 0xFE); expected UTF-8 text"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void theFirstMalformedSequenceIsLocated(String input, String message) {
    assertThatThrownBy(() -> lines(bytes(input), "in.txt")).isInstanceOf(InputFormatException.class)
        .hasMessage(message);
  }

  @Test
  void aMalformedByteFarIntoTheInputHasItsLine() {
    StringBuilder input = new StringBuilder();
    for (int i = 1; i < 20_000; i++) {
      input.append("line ").append(i).append(" caf\u00c3\u00a9\n"); // "café", well-formed
    }
    input.append("last caf\u00e9\n");
    assertThatThrownBy(() -> lines(bytes(input.toString()), "<stdin>"))
        .hasMessage("<stdin>:20000:9: invalid UTF-8 (byte 0xE9); expected UTF-8 text");
  }

  @Test
  void byteOrderMarkIsSkippedAndLinesAreAsBufferedReaderSplitsThem() throws Exception {
    byte[] input = "\uFEFFname\tlabel\r\ncaf\u00e9\rlast".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(input, "in.txt")).containsExactly("name\tlabel", "caf\u00e9", "last");
    assertThat(lines(new byte[0], "in.txt")).isEmpty();
    assertThat(lines("a\uFEFF".getBytes(StandardCharsets.UTF_8), "in.txt")).containsExactly("a\uFEFF");
  }

  @Test
  void aLineLongerThanTheCapIsRefused() throws Exception {
    byte[] input = ("short\n" + "x".repeat(Utf8Reader.MAX_LINE_CHARS + 1) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> lines(input, "big.txt")).isInstanceOf(InputFormatException.class)
        .hasMessage("big.txt:2: line longer than 1048576 characters (1 MiB); expected lines of text");
    byte[] justFits = "y".repeat(Utf8Reader.MAX_LINE_CHARS).getBytes(StandardCharsets.UTF_8);
    assertThat(lines(justFits, "ok.txt")).hasSize(1);
  }

  @Test
  void filesAreNamedAndNoFilesAreRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, bytes("gr\u00fc\u00df\n"));
    assertThatThrownBy(() -> {
      try (BufferedReader reader = Utf8Reader.open(file)) {
        reader.readLine();
      }
    }).hasMessage(file + ":1:3: invalid UTF-8 (byte 0xFC); expected UTF-8 text");
    assertThatThrownBy(() -> Utf8Reader.open(dir)).isInstanceOf(InputFormatException.class)
        .hasMessage(dir + ": is a directory, expected a file");
    Path device = Path.of("/dev/null");
    if (Files.exists(device)) {
      assertThatThrownBy(() -> Utf8Reader.open(device)).isInstanceOf(InputFormatException.class)
          .hasMessage("/dev/null: is a device or socket, expected a file");
    }
  }
}
