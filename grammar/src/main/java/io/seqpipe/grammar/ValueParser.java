package io.seqpipe.grammar;

import io.seqpipe.grammar.dsl.DslValues;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.util.regex.Pattern;

/** One value from the command line, read as the DSL reads values; unreadable text stays a string. */
final class ValueParser {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_\\-]*");

  private ValueParser() {}

  static Node parse(String text, Position position) {
    if (NUMBER.matcher(text).matches()) {
      return new Scalar(Scalar.Kind.NUMBER, text, position);
    }
    if (text.equals("true") || text.equals("false")) {
      return new Scalar(Scalar.Kind.BOOL, text, position);
    }
    if (NAME.matcher(text).matches()) {
      return new Scalar(Scalar.Kind.NAME, text, position);
    }
    if (text.contains("(") || text.startsWith("[") || text.startsWith("\"")) {
      Problems problems = new Problems();
      Node node = DslValues.parse(text, position, problems);
      if (problems.isEmpty() && node != null) {
        return node;
      }
    }
    return new Scalar(Scalar.Kind.STRING, text, position);
  }
}
