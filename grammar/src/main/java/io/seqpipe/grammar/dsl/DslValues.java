package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Reads one DSL value ({@code adam(lr: 1e-3)}, {@code [a, b]}, {@code "text"}) on its own. */
public final class DslValues {
  private DslValues() {}

  /** The value, or null with problems recorded. Positions are those of {@code position}. */
  public static Node parse(String text, Position position, Problems problems) {
    SyntaxErrors errors = new SyntaxErrors(position.source(), problems);
    PipelineLexer lexer = new PipelineLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    PipelineParser parser = new PipelineParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    PipelineParser.ValueContext value = parser.value();
    if (tokens.LA(1) != Token.EOF) {
      problems.add(position, "unexpected text after the value");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new TreeBuilder(position.source(), new Variables(name -> null, problems), problems).value(value);
  }
}
