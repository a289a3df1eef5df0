package io.seqpipe.nlp.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str.split()}, {@code str.rstrip()} and {@code str.lower()} in Java, so that metrics
 * defined by Python code (sacrebleu) give the same numbers here.
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one char: Java's whitespace plus the no-break spaces and NEL. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u0085' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  /** {@code text.split()}: runs of whitespace separate, leading and trailing whitespace ignored. */
  static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isSpace(text.charAt(i))) {
        if (start >= 0) {
          parts.add(text.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /** {@code text.rstrip()}. */
  static String rstrip(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** {@code ''.join(text.split())}: the text without any whitespace. */
  static String removeSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code text.lower()}. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** {@code f"{value:.{digits}f}"}: the exact binary value rounded half-even, as Python does. */
  static String fixed(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }
}
