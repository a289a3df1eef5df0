package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.InputFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of one item a line, as the scoring commands read them. */
final class LineFiles {
  private LineFiles() {}

  static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** Fails naming both files and both counts when {@code other} is not aligned with {@code first}. */
  static void requireAligned(Path first, List<String> firstLines, Path other, List<String> otherLines) {
    if (firstLines.size() != otherLines.size()) {
      throw new InputFormatException(other, Math.min(firstLines.size(), otherLines.size()) + 1, 0,
          "not aligned with " + first + ": " + otherLines.size() + " lines against " + firstLines.size());
    }
  }
}
