package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code let} variables and environment variables: {@code ${name}} is the variable, else the
 * environment variable; {@code ${name:-default}} falls back to the default when neither is set.
 */
final class Variables {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_\\-]*");

  private final Map<String, Node> lets = new HashMap<>();
  private final Function<String, String> environment;
  private final Problems problems;

  Variables(Function<String, String> environment, Problems problems) {
    this.environment = environment;
    this.problems = problems;
  }

  void define(String name, Node value) {
    lets.put(name, value);
  }

  /** The value of {@code ${reference}} used as a whole value. */
  Node value(String reference, Position position) {
    String[] parts = split(reference);
    Node let = lets.get(parts[0]);
    if (let != null) {
      return let instanceof Scalar scalar ? new Scalar(scalar.kind(), scalar.text(), position) : let;
    }
    String text = environmentOrDefault(parts, position);
    return text == null ? new Scalar(Scalar.Kind.STRING, "", position) : scalarOf(text, position);
  }

  /** The text of {@code ${reference}} inside a string. */
  String text(String reference, Position position) {
    String[] parts = split(reference);
    Node let = lets.get(parts[0]);
    if (let instanceof Scalar scalar) {
      return scalar.text();
    }
    if (let != null) {
      problems.add(position, "variable '" + parts[0] + "' is " + let.describe() + ", not text");
      return "";
    }
    String text = environmentOrDefault(parts, position);
    return text == null ? "" : text;
  }

  private String environmentOrDefault(String[] parts, Position position) {
    String value = parts[0].isEmpty() ? null : environment.apply(parts[0]);
    if (value != null) {
      return value;
    }
    if (parts[1] != null) {
      return parts[1];
    }
    problems.add(position, "undefined variable '" + parts[0] + "': no 'let " + parts[0]
        + "' before it, no environment variable, and no default (${" + parts[0] + ":-default})");
    return null;
  }

  /** {name, default or null}. */
  private static String[] split(String reference) {
    int colon = reference.indexOf(":-");
    return colon < 0 ? new String[] {reference.strip(), null}
        : new String[] {reference.substring(0, colon).strip(), reference.substring(colon + 2)};
  }

  /** Environment text read as the DSL would read it unquoted: a number, a boolean, a name or a string. */
  static Scalar scalarOf(String text, Position position) {
    if (NUMBER.matcher(text).matches()) {
      return new Scalar(Scalar.Kind.NUMBER, text, position);
    }
    if (text.equals("true") || text.equals("false")) {
      return new Scalar(Scalar.Kind.BOOL, text, position);
    }
    return new Scalar(NAME.matcher(text).matches() ? Scalar.Kind.NAME : Scalar.Kind.STRING, text, position);
  }
}
