package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFilesTest {

  @Test
  void badUtf8InAScoreFileIsLocated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hyp.txt");
    Files.write(file, "first\nsecond caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> LineFiles.read(file)).isInstanceOf(InputFormatException.class)
        .hasMessage(file + ":2:11: invalid UTF-8 (byte 0xE9); expected UTF-8 text");
    assertThatThrownBy(() -> LineFiles.read(dir)).isInstanceOf(InputFormatException.class)
        .hasMessage(dir + ": is a directory, expected a file");
  }

  @Test
  void linesAsWrittenWithoutAByteOrderMark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("labels.txt");
    Files.writeString(file, "\uFEFFpos\r\nneg\n\nneg");
    assertThat(LineFiles.read(file)).containsExactly("pos", "neg", "", "neg");
  }
}
