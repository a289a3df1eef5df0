package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code count dimension} line that starts word2vec and fastText files, with both numbers checked:
 * a count of 0 or more, a dimension from 1 to {@link #MAX_DIMENSION}.
 */
record VectorHeader(long count, int dimension) {
  /** The largest vector dimension read: far above any real embedding, far below running out of memory. */
  static final int MAX_DIMENSION = 100_000;

  private static final Pattern TWO_FIELDS = Pattern.compile("[ \t]*(\\S+)[ \t]+(\\S+)[ \t]*");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /**
   * The header on line 1 of {@code file}, or null if {@code line} is not two integers.
   *
   * @throws InputFormatException if it is two integers out of range, naming the column of the bad one
   */
  static VectorHeader parse(Path file, String line) {
    Matcher fields = TWO_FIELDS.matcher(line);
    if (!fields.matches() || !INTEGER.matcher(fields.group(1)).matches()
        || !INTEGER.matcher(fields.group(2)).matches()) {
      return null;
    }
    long count = number(file, fields, 1, 0, Long.MAX_VALUE, "a vector count of 0 or more");
    long dimension = number(file, fields, 2, 1, MAX_DIMENSION, "a dimension from 1 to " + MAX_DIMENSION);
    return new VectorHeader(count, (int) dimension);
  }

  /** The header of a file that must start with one. */
  static VectorHeader require(Path file, String line) {
    VectorHeader header = parse(file, line);
    if (header == null) {
      throw new InputFormatException(file, 1, 1, "expected a header line 'count dimension', found " + Quote.quoted(line));
    }
    return header;
  }

  private static long number(Path file, Matcher fields, int group, long min, long max, String expected) {
    try {
      long value = Long.parseLong(fields.group(group));
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException tooLarge) {
      // reported below
    }
    throw new InputFormatException(file, 1, fields.start(group) + 1,
        "expected " + expected + ", found " + Quote.quoted(fields.group(group)));
  }
}
