package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code let} variables and environment variables: {@code ${name}} is the variable, else the
 * environment variable; {@code ${name:-default}} falls back to the default when neither is set.
 *
 * <p>While an included file is expanded, a {@link Recording} notes which variables it read from outside
 * and which it defined, so that the expansion can be reused (see {@link #replay}) where the same file is
 * included again and those variables still hold the same values.
 */
final class Variables {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_\\-]*");

  private final Map<String, Node> lets = new HashMap<>();
  private final Deque<Recording> recordings = new ArrayDeque<>();
  private final Function<String, String> environment;
  private final Problems problems;

  Variables(Function<String, String> environment, Problems problems) {
    this.environment = environment;
    this.problems = problems;
  }

  void define(String name, Node value) {
    lets.put(name, value);
    for (Recording recording : recordings) {
      recording.defined.put(name, value);
    }
  }

  /** The {@code let} value of {@code name}, or null; noted as read by the recordings it is outside of. */
  private Node let(String name) {
    Node value = lets.get(name);
    for (Recording recording : recordings) {
      if (!recording.defined.containsKey(name) && !recording.read.containsKey(name)) {
        recording.read.put(name, value);
      }
    }
    return value;
  }

  /** Starts noting reads and definitions, until {@link #stopRecording()}. */
  void startRecording() {
    recordings.push(new Recording());
  }

  Recording stopRecording() {
    return recordings.pop();
  }

  /**
   * Whether a recorded expansion still applies: every variable it read from outside holds the very value
   * it read. If so its definitions are made again, as expanding it again would have made them.
   */
  boolean replay(Recording recording) {
    for (Map.Entry<String, Node> read : recording.read.entrySet()) {
      if (lets.get(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    recording.read.keySet().forEach(this::let);
    recording.defined.forEach(this::define);
    return true;
  }

  /** The value of {@code ${reference}} used as a whole value. */
  Node value(String reference, Position position) {
    String[] parts = split(reference);
    Node let = let(parts[0]);
    if (let != null) {
      return let instanceof Scalar scalar ? new Scalar(scalar.kind(), scalar.text(), position) : let;
    }
    String text = environmentOrDefault(parts, position);
    return text == null ? new Scalar(Scalar.Kind.STRING, "", position) : scalarOf(text, position);
  }

  /** The text of {@code ${reference}} inside a string. */
  String text(String reference, Position position) {
    String[] parts = split(reference);
    Node let = let(parts[0]);
    if (let instanceof Scalar scalar) {
      return scalar.text();
    }
    if (let != null) {
      problems.add(position, "variable '" + Quote.of(parts[0]) + "' is " + let.describe() + ", not text");
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
    String name = Quote.of(parts[0]);
    problems.add(position, "undefined variable '" + name + "': no 'let " + name
        + "' before it, no environment variable, and no default (${" + name + ":-default})");
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

  /** What one expansion read from outside (null: not a {@code let}) and defined, in order. */
  static final class Recording {
    private final Map<String, Node> read = new HashMap<>();
    private final Map<String, Node> defined = new LinkedHashMap<>();
  }
}
