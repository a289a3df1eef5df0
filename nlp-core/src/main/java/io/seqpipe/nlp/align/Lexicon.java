package io.seqpipe.nlp.align;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.io.Utf8Reader;
import io.seqpipe.nlp.vocab.TokenEscapes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A word-translation table: each source token's most probable translation, as {@link LexiconLearner} finds it
 * in parallel text. A translator uses it for {@code <unk>} replacement: the source token an output {@code <unk>}
 * attended to most becomes its translation here, or stays itself (copied) when the table has none, as
 * OpenNMT's {@code -phrase_table} does.
 *
 * <p>On disk one {@code SOURCE<TAB>TARGET} line per source token, sorted, tokens escaped as vocabularies escape
 * them ({@link TokenEscapes}).
 *
 * <pre>{@code
 * Lexicon lexicon = new LexiconLearner(5).learn(sourceTokens, targetTokens);
 * lexicon.translate("Eichhörnchen");   // "squirrel", or "Eichhörnchen" when the table has no entry
 * }</pre>
 */
public final class Lexicon {
  /** The table without entries: every token translates to itself. */
  public static final Lexicon EMPTY = new Lexicon(Map.of());

  private final Map<String, String> translations;

  /** A table of the given translations, source token to target token. */
  public Lexicon(Map<String, String> translations) {
    this.translations = new TreeMap<>(translations);
  }

  /** The token's translation, or the token itself when the table has none. */
  public String translate(String token) {
    return translations.getOrDefault(token, token);
  }

  /** Source tokens with a translation. */
  public int size() {
    return translations.size();
  }

  /** The table in its file format. */
  public String text() {
    StringBuilder out = new StringBuilder();
    translations.forEach((source, target) -> out.append(TokenEscapes.escape(source)).append('\t')
        .append(TokenEscapes.escape(target)).append('\n'));
    return out.toString();
  }

  /**
   * Reads a table written by {@link #text()}.
   *
   * @throws InputFormatException naming the line that is not two tab-separated tokens, or a source token
   *     listed twice
   */
  public static Lexicon read(Path file) throws IOException {
    Map<String, String> translations = new TreeMap<>();
    try (BufferedReader reader = Utf8Reader.open(file)) {
      String line;
      for (int number = 1; (line = reader.readLine()) != null; number++) {
        int tab = line.indexOf('\t');
        if (tab <= 0 || tab == line.length() - 1 || line.indexOf('\t', tab + 1) >= 0) {
          throw new InputFormatException(file, number, 1,
              "expected a source token and its translation separated by one tab");
        }
        String source = TokenEscapes.unescape(line.substring(0, tab));
        if (translations.put(source, TokenEscapes.unescape(line.substring(tab + 1))) != null) {
          throw new InputFormatException(file, number, 1, "expected each source token once, found " + Quote.quoted(source)
              + " again");
        }
      }
    }
    return new Lexicon(translations);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lexicon lexicon && lexicon.translations.equals(translations);
  }

  @Override
  public int hashCode() {
    return translations.hashCode();
  }
}
