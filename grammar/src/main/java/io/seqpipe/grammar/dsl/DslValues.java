package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.source.ReadLimits;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import org.antlr.v4.runtime.Token;

/**
 * Reads one DSL value ({@code adam(lr: 1e-3)}, {@code [a, b]}, {@code "text"}) on its own.
 *
 * <pre>{@code
 * Node value = DslValues.parse("adam(lr: 1e-4)", new Position("--set train.optimizer", 1, 1), problems);
 * }</pre>
 */
public final class DslValues {
  private DslValues() {}

  /** The value, or null with problems recorded. Positions are those of {@code position}. */
  public static Node parse(String text, Position position, Problems problems) {
    PipelineParser parser = BoundedParser.of(text, position.source(), ReadLimits.DEFAULT.nesting(), problems);
    if (parser == null) {
      return null;
    }
    PipelineParser.ValueContext value = parser.value();
    if (parser.getTokenStream().LA(1) != Token.EOF) {
      problems.add(position, "unexpected text after the value");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new TreeBuilder(position.source(), new Variables(name -> null, problems), problems).value(value);
  }
}
