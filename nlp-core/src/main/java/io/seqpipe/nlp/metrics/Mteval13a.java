package io.seqpipe.nlp.metrics;

/**
 * mteval-v13a's four regular-expression passes as plain character loops: the same output as
 * sacrebleu's {@code TokenizerRegexp}, several times faster. Each loop applies one pattern the way a
 * regex replace-all does (leftmost match, then continue after it).
 */
final class Mteval13a {
  private Mteval13a() {}

  static String tokenize(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    String text = " " + line + " ";
    text = spaceOutSymbols(text);
    text = splitBeforePeriodOrComma(text);
    text = splitAfterPeriodOrComma(text);
    text = splitDashAfterDigit(text);
    return String.join(" ", PythonText.split(text));
  }

  /** {@code ([\{-\~\[-\` -\&\(-\+\:-\@\/])} becomes {@code " \1 "}. */
  private static String spaceOutSymbols(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSymbol(c)) {
        out.append(' ').append(c).append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isSymbol(char c) {
    return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&')
        || (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';
  }

  /** {@code ([^0-9])([\.,])} becomes {@code "\1 \2 "}. */
  private static String splitBeforePeriodOrComma(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (i + 1 < s.length() && !isDigit(c) && isPeriodOrComma(s.charAt(i + 1))) {
        out.append(c).append(' ').append(s.charAt(i + 1)).append(' ');
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** {@code ([\.,])([^0-9])} becomes {@code " \1 \2"}. */
  private static String splitAfterPeriodOrComma(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (i + 1 < s.length() && isPeriodOrComma(c) && !isDigit(s.charAt(i + 1))) {
        out.append(' ').append(c).append(' ').append(s.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** {@code ([0-9])(-)} becomes {@code "\1 \2 "}. */
  private static String splitDashAfterDigit(String s) {
    if (s.indexOf('-') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (i + 1 < s.length() && isDigit(c) && s.charAt(i + 1) == '-') {
        out.append(c).append(" - ");
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPeriodOrComma(char c) {
    return c == '.' || c == ',';
  }
}
