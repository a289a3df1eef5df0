package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's syntax errors as positioned problems, with token names a person understands and the input
 * they quote cut and escaped by {@link Quote}.
 */
final class SyntaxErrors extends BaseErrorListener {
  private final String source;
  private final Problems problems;

  SyntaxErrors(String source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
      String message, RecognitionException e) {
    Position position = new Position(source, line, column + 1);
    if (offendingSymbol instanceof Token token && token.getType() == PipelineLexer.UNTERMINATED) {
      problems.add(position, "unterminated string: add the closing \"");
      return;
    }
    if (e instanceof NoViableAltException && offendingSymbol instanceof Token token) {
      problems.add(position, "unexpected " + describe(token));
      return;
    }
    problems.add(position, readable(quoted(message, offendingSymbol)));
  }

  private static String describe(Token token) {
    return token.getType() == Token.EOF ? "end of file" : token.getType() == PipelineLexer.NL ? "a new line"
        : "'" + Quote.of(token.getText()) + "'";
  }

  /**
   * ANTLR's message with the input it quotes (the offending token, or for the lexer the unreadable
   * text) replaced by its {@link Quote}d form.
   */
  private static String quoted(String message, Object offendingSymbol) {
    if (offendingSymbol instanceof Token token && token.getType() != Token.EOF && token.getText() != null) {
      String text = token.getText();
      String shown = "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
      return message.replace(shown, "'" + Quote.of(text) + "'");
    }
    int open = message.indexOf('\'');
    int close = message.lastIndexOf('\'');
    if (offendingSymbol == null && open >= 0 && close > open) {
      return message.substring(0, open + 1) + Quote.of(message.substring(open + 1, close)) + message.substring(close);
    }
    return message;
  }

  static String readable(String message) {
    return message
        .replace("mismatched input", "unexpected")
        .replace("extraneous input", "unexpected")
        .replace("no viable alternative at input", "cannot read")
        .replace("token recognition error at:", "unexpected character")
        .replace("expecting", "expected")
        .replace("'<EOF>'", "end of file")
        .replace("<EOF>", "end of file")
        .replaceAll("^missing (.*) at (.*)$", "expected $1 before $2")
        .replace("'\\n'", "a new line")
        .replace("'\\r\\n'", "a new line")
        .replaceAll("\\bNL\\b", "a new line")
        .replaceAll("\\bNAME\\b", "a name")
        .replaceAll("\\bSTRING\\b", "a string")
        .replaceAll("\\bNUMBER\\b", "a number")
        .replaceAll("\\bVARIABLE\\b", "a \\${variable}");
  }
}
