package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * A parser for pipeline text whose nesting is known to be bounded. ANTLR parses recursively, one
 * stack frame group per level of {@code {}, {@code (} and {@code [}, so deeply nested text would end in a
 * {@link StackOverflowError}; the tokens are therefore counted first, and text nested deeper than the
 * limit is reported at the bracket that goes too deep and not parsed at all.
 *
 * <pre>{@code
 * PipelineParser parser = BoundedParser.of(text, "sentiment.pipe", 100, problems); // null if too deep
 * PipelineParser.FileContext file = parser.file();
 * }</pre>
 */
final class BoundedParser {
  private static final Set<String> OPENING = Set.of("{", "(", "[");
  private static final Set<String> CLOSING = Set.of("}", ")", "]");

  private BoundedParser() {}

  /** A parser over {@code text}, or null with a problem recorded when brackets nest deeper than {@code nesting}. */
  static PipelineParser of(String text, String source, int nesting, Problems problems) {
    SyntaxErrors errors = new SyntaxErrors(source, problems);
    PipelineLexer lexer = new PipelineLexer(CharStreams.fromString(text, source));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    int depth = 0;
    for (Token token = tokens.LT(1); token.getType() != Token.EOF; tokens.consume(), token = tokens.LT(1)) {
      if (OPENING.contains(token.getText()) && ++depth > nesting) {
        problems.add(new Position(source, token.getLine(), token.getCharPositionInLine() + 1),
            "nested more than " + nesting + " levels deep ({, ( and [ together); a pipeline needs only a few");
        return null;
      }
      if (CLOSING.contains(token.getText()) && depth > 0) {
        depth--;
      }
    }
    tokens.seek(0);
    PipelineParser parser = new PipelineParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    return parser;
  }
}
