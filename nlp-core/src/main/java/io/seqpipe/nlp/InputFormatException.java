package io.seqpipe.nlp;

import java.nio.file.Path;

/**
 * Bad input, located: the file, the line and (where known) the column, and what was expected.
 *
 * <p>{@link #getMessage()} is one line in the compiler's format, so editors can jump to it:
 *
 * <pre>{@code
 * throw new InputFormatException(path, 12, 7, "expected a number, found 'abc'");
 * // -> "data/vectors.txt:12:7: expected a number, found 'abc'"
 * }</pre>
 *
 * Line and column are 1-based; 0 means "not applicable" and is left out of the message.
 */
public class InputFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String problem;

  public InputFormatException(String source, long line, long column, String problem) {
    super(format(source, line, column, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public InputFormatException(Path source, long line, long column, String problem) {
    this(source.toString(), line, column, problem);
  }

  /** An error about a whole file (no line). */
  public InputFormatException(Path source, String problem) {
    this(source.toString(), 0, 0, problem);
  }

  private static String format(String source, long line, long column, String problem) {
    StringBuilder where = new StringBuilder(source);
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) {
        where.append(':').append(column);
      }
    }
    return where.append(": ").append(problem).toString();
  }

  public String source() {
    return source;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }

  /** The message without the location. */
  public String problem() {
    return problem;
  }
}
