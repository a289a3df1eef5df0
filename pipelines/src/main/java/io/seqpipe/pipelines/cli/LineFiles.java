package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files of one item a line, as the scoring commands read them, and the input of the commands that read
 * a file or standard input. Bad UTF-8 and over-long lines fail as one {@code FILE:LINE:COLUMN:} line
 * ({@link Utf8Reader}).
 *
 * <pre>{@code
 * List<String> labels = LineFiles.read(Path.of("gold.txt"));
 * try (BufferedReader in = LineFiles.open(input)) { ... }   // input null: standard input
 * }</pre>
 */
final class LineFiles {
  private LineFiles() {}

  static List<String> read(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = open(file)) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The lines of {@code input}, or of standard input (named {@code <stdin>} in messages) if it is null. */
  static BufferedReader open(Path input) throws IOException {
    return input != null ? Utf8Reader.open(input) : Utf8Reader.open(System.in, "<stdin>");
  }

  /** Fails naming both files and both counts when {@code other} is not aligned with {@code first}. */
  static void requireAligned(Path first, List<String> firstLines, Path other, List<String> otherLines) {
    if (firstLines.size() != otherLines.size()) {
      throw new InputFormatException(other, Math.min(firstLines.size(), otherLines.size()) + 1, 0,
          "not aligned with " + first + ": " + otherLines.size() + " lines against " + firstLines.size());
    }
  }
}
