package io.seqpipe.nlp;

/**
 * User text made fit for a one-line message: control, format and separator characters escaped
 * ({@code \n}, {@code \t}, {@code \u0007}), and text longer than a limit cut with {@code ...}. Every
 * message that quotes what a user wrote goes through here, so that a 1 MB line or a terminal escape
 * sequence in a pipeline file never reaches the terminal as such.
 *
 * <pre>{@code
 * problems.add(position, "unknown metric " + Quote.quoted(name));   // unknown metric 'f2'
 * Quote.of("a\u0007b");           // a\u0007b  (escaped, 9 characters)
 * Quote.of("x".repeat(1_000_000)); // 57 x's, then ...
 * }</pre>
 */
public final class Quote {
  /** The longest quoted fragment, ellipsis included. */
  public static final int LIMIT = 60;
  /** The longest quoted path: paths are shown whole up to this length. */
  public static final int PATH_LIMIT = 300;

  private static final String ELLIPSIS = "...";

  private Quote() {}

  /** {@code text} escaped and cut to {@link #LIMIT} characters. */
  public static String of(String text) {
    return of(text, LIMIT);
  }

  /** {@code text} escaped, cut to {@link #LIMIT} characters and put in single quotes: {@code 'text'}. */
  public static String quoted(String text) {
    return "'" + of(text) + "'";
  }

  /** {@code text} escaped and cut to {@code limit} characters (at least 4). */
  public static String of(String text, int limit) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 8);
    int fits = 0;
    for (int i = 0; i < text.length(); ) {
      if (out.length() + ELLIPSIS.length() <= limit) {
        fits = out.length();
      }
      int codePoint = text.codePointAt(i);
      append(out, codePoint);
      i += Character.charCount(codePoint);
      if (out.length() > limit) {
        return out.substring(0, fits) + ELLIPSIS;
      }
    }
    return out.toString();
  }

  /** {@code text} with control, format and separator characters escaped, not cut. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> append(out, codePoint));
    return out.toString();
  }

  private static void append(StringBuilder out, int codePoint) {
    switch (codePoint) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (printable(codePoint)) {
          out.appendCodePoint(codePoint);
        } else {
          out.append(String.format("\\u%04x", codePoint));
        }
      }
    }
  }

  private static boolean printable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
      default -> true;
    };
  }
}
