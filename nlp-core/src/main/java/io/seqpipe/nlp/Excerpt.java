package io.seqpipe.nlp;

/**
 * Input quoted in a message: cut to {@value #MAX_CHARS} characters (with an ellipsis) and with control
 * characters escaped, so one bad line of a file stays one readable line of output.
 *
 * <pre>{@code
 * Excerpt.quote("a\tb");            // -> 'a\tb'
 * Excerpt.of("x".repeat(100));      // -> the first 60 x, then ...
 * }</pre>
 */
public final class Excerpt {
  /** The most characters of input a message quotes. */
  public static final int MAX_CHARS = 60;

  private Excerpt() {}

  /** {@code text} cut and escaped, in single quotes. */
  public static String quote(CharSequence text) {
    return "'" + of(text) + "'";
  }

  /** {@code text} cut to {@link #MAX_CHARS} characters (then {@code ...}) with control characters escaped. */
  public static String of(CharSequence text) {
    int end = Math.min(text.length(), MAX_CHARS);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never cut a character in half
    }
    StringBuilder out = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isISOControl(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (end < text.length()) {
      out.append("...");
    }
    return out.toString();
  }
}
