package io.seqpipe.nlp.analysis;

import java.util.List;

/**
 * Tokens back to text: joins tokens with spaces except where punctuation attaches to a neighbour.
 *
 * <pre>{@code
 * Detokenizer.DEFAULT.detokenize(List.of("Hello", ",", "world", "!"));  // "Hello, world!"
 * Detokenizer.DEFAULT.detokenize(List.of("don", "'", "t", "(", "x", ")")); // "don't (x)"
 * }</pre>
 *
 * <p>The rules suit Latin-script languages and the {@code wordpunct} tokenization: closing marks
 * ({@code . , ; : ! ? % ) ] }} and closing quotes) attach to the token before, opening marks ({@code ( [
 * { ¿ ¡} and opening quotes) to the token after; an apostrophe or hyphen between two words joins them;
 * straight double quotes alternate between opening and closing.
 */
public final class Detokenizer {

  /** The rules described above. */
  public static final Detokenizer DEFAULT = new Detokenizer();

  private static final String CLOSING = ".,;:!?%)]}»”’…";
  private static final String OPENING = "([{¿¡«“‘";
  private static final String JOINERS = "'’-";

  private Detokenizer() {}

  public String detokenize(List<String> tokens) {
    StringBuilder text = new StringBuilder();
    boolean attachNext = true; // nothing before the first token
    boolean insideQuote = false;
    String previous = null;
    for (String token : tokens) {
      if (token.isEmpty()) {
        continue;
      }
      boolean attach = attachNext || startsWithAny(token, CLOSING);
      boolean opensNext = endsWithAny(token, OPENING);
      if (token.equals("\"")) {
        attach = attachNext || insideQuote;
        opensNext = !insideQuote;
        insideQuote = !insideQuote;
      } else if (isJoiner(token) && previous != null && endsWithWordChar(previous)) {
        attach = true;
        opensNext = true;
      } else if (previous != null && isJoiner(previous) && !startsWithWordChar(token)) {
        // a joiner that was not followed by a word: keep the space it would have taken
        attach = false;
      }
      if (!attach) {
        text.append(' ');
      }
      text.append(token);
      attachNext = opensNext;
      previous = token;
    }
    return text.toString();
  }

  private static boolean isJoiner(String token) {
    return token.length() == 1 && JOINERS.indexOf(token.charAt(0)) >= 0;
  }

  private static boolean startsWithAny(String token, String marks) {
    return marks.indexOf(token.charAt(0)) >= 0;
  }

  private static boolean endsWithAny(String token, String marks) {
    return marks.indexOf(token.charAt(token.length() - 1)) >= 0;
  }

  private static boolean endsWithWordChar(String token) {
    return Character.isLetterOrDigit(token.codePointBefore(token.length()));
  }

  private static boolean startsWithWordChar(String token) {
    return Character.isLetterOrDigit(token.codePointAt(0));
  }
}
