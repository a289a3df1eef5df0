package io.seqpipe.nlp.vocab;

/**
 * Escapes that let any token sit on one line, or in one tab-separated field, of a text file (vocabularies,
 * lexicons): backslash, newline, carriage return and tab become {@code \\}, {@code \n}, {@code \r} and
 * {@code \t}.
 *
 * <pre>{@code
 * String field = TokenEscapes.escape("a\tb");   // "a\\tb", which unescape turns back
 * }</pre>
 */
public final class TokenEscapes {
  private TokenEscapes() {}

  public static String escape(String token) {
    StringBuilder out = null;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String replacement = switch (c) {
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(token.length() + 4).append(token, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? token : out.toString();
  }

  public static String unescape(String line) {
    if (line.indexOf('\\') < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
