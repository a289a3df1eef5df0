package io.seqpipe.nlp.embeddings;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal floats straight from bytes, without a String per number: the hot loop of reading text
 * vectors. Numbers with at most 18 significant digits and a small exponent are computed exactly in
 * double and rounded once to float; anything else goes through {@link Float#parseFloat(String)}.
 */
final class FloatParser {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private FloatParser() {}

  /**
   * The float in {@code bytes[from, to)}.
   *
   * @throws NumberFormatException if those bytes are not a number
   */
  static float parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    boolean sawDigit = false;
    for (; i < to && isDigit(bytes[i]); i++) {
      sawDigit = true;
      if (digits < 18) {
        mantissa = mantissa * 10 + (bytes[i] - '0');
        if (mantissa != 0) {
          digits++;
        }
      } else {
        exponent++;
      }
    }
    if (i < to && bytes[i] == '.') {
      i++;
      for (; i < to && isDigit(bytes[i]); i++) {
        sawDigit = true;
        if (digits < 18) {
          mantissa = mantissa * 10 + (bytes[i] - '0');
          exponent--;
          if (mantissa != 0) {
            digits++;
          }
        }
      }
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E') && sawDigit) {
      int e = i + 1;
      boolean negativeExponent = false;
      if (e < to && (bytes[e] == '-' || bytes[e] == '+')) {
        negativeExponent = bytes[e] == '-';
        e++;
      }
      int explicit = 0;
      int start = e;
      for (; e < to && isDigit(bytes[e]) && explicit < 100_000; e++) {
        explicit = explicit * 10 + (bytes[e] - '0');
      }
      if (e == start) {
        return slow(bytes, from, to);
      }
      exponent += negativeExponent ? -explicit : explicit;
      i = e;
    }
    if (i != to || !sawDigit) {
      return slow(bytes, from, to);
    }
    if (Math.abs(exponent) >= POWERS_OF_TEN.length) {
      return slow(bytes, from, to);
    }
    double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]
        : mantissa / POWERS_OF_TEN[-exponent];
    return (float) (negative ? -value : value);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Rare forms ({@code NaN}, {@code Infinity}, long exponents) and errors. */
  private static float slow(byte[] bytes, int from, int to) {
    String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    if (text.isEmpty() || text.endsWith("f") || text.endsWith("F") || text.endsWith("d")
        || text.endsWith("D")) {
      throw new NumberFormatException(text);
    }
    return Float.parseFloat(text);
  }
}
