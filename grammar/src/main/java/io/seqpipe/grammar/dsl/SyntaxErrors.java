package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** ANTLR's syntax errors as positioned problems, with token names a person understands. */
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
    problems.add(position, readable(message));
  }

  private static String describe(Token token) {
    return token.getType() == Token.EOF ? "end of file" : token.getType() == PipelineLexer.NL ? "a new line"
        : "'" + token.getText() + "'";
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
