package io.seqpipe.nlp.embeddings;

/**
 * Parses decimal floats straight from a line of text, without a String per number: the hot loop of
 * reading text vectors. Numbers with at most 18 significant digits and a small exponent are computed exactly in
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
   * The float in {@code text[from, to)}.
   *
   * @throws NumberFormatException if those characters are not a number
   */
  static float parse(String text, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    boolean sawDigit = false;
    for (; i < to && isDigit(text.charAt(i)); i++) {
      sawDigit = true;
      if (digits < 18) {
        mantissa = mantissa * 10 + (text.charAt(i) - '0');
        if (mantissa != 0) {
          digits++;
        }
      } else {
        exponent++;
      }
    }
    if (i < to && text.charAt(i) == '.') {
      i++;
      for (; i < to && isDigit(text.charAt(i)); i++) {
        sawDigit = true;
        if (digits < 18) {
          mantissa = mantissa * 10 + (text.charAt(i) - '0');
          exponent--;
          if (mantissa != 0) {
            digits++;
          }
        }
      }
    }
    if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E') && sawDigit) {
      int e = i + 1;
      boolean negativeExponent = false;
      if (e < to && (text.charAt(e) == '-' || text.charAt(e) == '+')) {
        negativeExponent = text.charAt(e) == '-';
        e++;
      }
      int explicit = 0;
      int start = e;
      for (; e < to && isDigit(text.charAt(e)) && explicit < 100_000; e++) {
        explicit = explicit * 10 + (text.charAt(e) - '0');
      }
      if (e == start) {
        return slow(text, from, to);
      }
      exponent += negativeExponent ? -explicit : explicit;
      i = e;
    }
    if (i != to || !sawDigit) {
      return slow(text, from, to);
    }
    if (Math.abs(exponent) >= POWERS_OF_TEN.length) {
      return slow(text, from, to);
    }
    double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent]
        : mantissa / POWERS_OF_TEN[-exponent];
    return (float) (negative ? -value : value);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Rare forms ({@code NaN}, {@code Infinity}, long exponents) and errors. */
  private static float slow(String text, int from, int to) {
    String number = text.substring(from, to);
    if (number.isEmpty() || number.endsWith("f") || number.endsWith("F") || number.endsWith("d")
        || number.endsWith("D")) {
      throw new NumberFormatException(number);
    }
    return Float.parseFloat(number);
  }
}
