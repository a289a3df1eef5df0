package io.seqpipe.nlp.data;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parallel corpus as two line-aligned files named by a prefix and language suffixes: {@code
 * train.es} and {@code train.en} for prefix {@code train}, source {@code es}, target {@code en}.
 *
 * <pre>{@code
 * ParallelCorpus corpus = ParallelCorpus.of(Path.of("data/train"), "es", "en");
 * List<ParallelExample> pairs = corpus.read();
 * }</pre>
 *
 * <p>Files with different numbers of lines are refused, naming both files and both counts.
 */
public final class ParallelCorpus {
  private final Path sourceFile;
  private final Path targetFile;

  private ParallelCorpus(Path sourceFile, Path targetFile) {
    this.sourceFile = sourceFile;
    this.targetFile = targetFile;
  }

  /** The files {@code PREFIX.sourceLanguage} and {@code PREFIX.targetLanguage}. */
  public static ParallelCorpus of(Path prefix, String sourceLanguage, String targetLanguage) {
    return new ParallelCorpus(withSuffix(prefix, sourceLanguage), withSuffix(prefix, targetLanguage));
  }

  private static Path withSuffix(Path prefix, String language) {
    return prefix.resolveSibling(prefix.getFileName() + "." + language);
  }

  public Path sourceFile() {
    return sourceFile;
  }

  public Path targetFile() {
    return targetFile;
  }

  /**
   * All pairs, in order.
   *
   * @throws InputFormatException if the files are not aligned, hold no pairs or are not UTF-8 text
   */
  public List<ParallelExample> read() throws IOException {
    List<ParallelExample> pairs = new ArrayList<>();
    try (BufferedReader source = Utf8Reader.open(sourceFile);
        BufferedReader target = Utf8Reader.open(targetFile)) {
      long line = 0;
      while (true) {
        String s = source.readLine();
        String t = target.readLine();
        if (s == null || t == null) {
          if (s != null || t != null) {
            long sourceLines = line + (s == null ? 0 : 1 + source.lines().count());
            long targetLines = line + (t == null ? 0 : 1 + target.lines().count());
            throw new InputFormatException(sourceFile, Math.min(sourceLines, targetLines) + 1, 0,
                "not aligned with " + targetFile + ": " + sourceLines + " lines against " + targetLines);
          }
          break;
        }
        line++;
        pairs.add(new ParallelExample(s, t, line));
      }
    }
    if (pairs.isEmpty()) {
      throw new InputFormatException(sourceFile, "expected sentence pairs, found empty files");
    }
    return pairs;
  }
}
