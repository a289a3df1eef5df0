package io.seqpipe.grammar.bind;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.ListNode;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.grammar.tree.Suggestions;
import io.seqpipe.nlp.Quote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of one block (or of a call's arguments) read with typed accessors. Every accessor
 * records a positioned problem and returns the default when the value is wrong, so that binding goes on
 * and reports everything; {@link #finish()} then reports the entries nobody asked for.
 */
final class Section {
  private final String path;
  private final Position position;
  private final List<Entry> entries;
  private final Problems problems;
  private final Set<String> asked = new LinkedHashSet<>();

  Section(String path, Position position, List<Entry> entries, Problems problems) {
    this.path = path;
    this.position = position;
    this.entries = entries;
    this.problems = problems;
  }

  /** A section over a block, a call's named arguments, or nothing (an empty value). */
  static Section of(String path, Node node, Problems problems) {
    if (node instanceof Block block) {
      return new Section(path, block.position(), block.entries(), problems);
    }
    if (node instanceof Call call) {
      List<Entry> entries = new ArrayList<>();
      for (Entry argument : call.arguments()) {
        if (argument.key() == null) {
          problems.add(argument.position(), "expected a named argument (name: value) in " + Quote.of(call.name()) + "(...)");
        } else {
          entries.add(argument);
        }
      }
      if (call.block() != null) {
        entries.addAll(call.block().entries());
      }
      return new Section(path, call.position(), entries, problems);
    }
    if (!(node instanceof Empty)) {
      problems.add(node.position(), "expected a block { ... } for '" + path + "', found " + node.describe());
    }
    return new Section(path, node.position(), List.of(), problems);
  }

  Position position() {
    return position;
  }

  String path() {
    return path;
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The value under {@code key}, or null; a repeated key is reported. */
  Node take(String key) {
    asked.add(key);
    Entry first = null;
    for (Entry entry : entries) {
      if (key.equals(entry.key())) {
        if (first == null) {
          first = entry;
        } else {
          problems.add(entry.position(), "duplicate entry " + Quote.quoted(qualified(key)) + " (first on line "
              + first.position().line() + ")");
        }
      }
    }
    return first == null ? null : first.value();
  }

  /** Where {@code key}'s value is, or this section's position when it is absent. */
  Position positionOf(String key) {
    return entries.stream().filter(entry -> key.equals(entry.key())).findFirst().map(entry -> entry.value().position())
        .orElse(position);
  }

  boolean has(String key) {
    return entries.stream().anyMatch(entry -> key.equals(entry.key()));
  }

  /** Reports {@code key} if present: it does not apply here. */
  void notApplicable(String key, String why) {
    asked.add(key);
    for (Entry entry : entries) {
      if (key.equals(entry.key())) {
        problems.add(entry.position(), "'" + qualified(key) + "' " + why);
      }
    }
  }

  /** Reports a missing required entry. */
  void missing(String key, String what) {
    problems.add(position, "missing '" + qualified(key) + "': " + what);
  }

  /** Text of any scalar (a string, a name, a number). */
  String text(String key, String fallback) {
    Node node = take(key);
    return node == null ? fallback : text(node, qualified(key), fallback);
  }

  String text(Node node, String what, String fallback) {
    if (node instanceof Scalar scalar && scalar.kind() != Scalar.Kind.BOOL) {
      return scalar.text();
    }
    problems.add(node.position(), "expected text for " + Quote.quoted(what) + ", found " + node.describe());
    return fallback;
  }

  /** A name out of {@code allowed} (null: any name). */
  String name(String key, String fallback, Collection<String> allowed) {
    Node node = take(key);
    return node == null ? fallback : name(node, qualified(key), fallback, allowed);
  }

  String name(Node node, String what, String fallback, Collection<String> allowed) {
    String text = text(node, what, null);
    if (text == null) {
      return fallback;
    }
    if (allowed == null) {
      return text;
    }
    for (String known : allowed) {
      if (known.equalsIgnoreCase(text)) {
        return known;
      }
    }
    problems.add(node.position(), "unknown " + what + " " + Quote.quoted(text) + Suggestions.didYouMean(text, allowed)
        + " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
    return fallback;
  }

  boolean bool(String key, boolean fallback) {
    Node node = take(key);
    if (node == null) {
      return fallback;
    }
    if (node instanceof Scalar scalar && scalar.kind() == Scalar.Kind.BOOL) {
      return scalar.text().equals("true");
    }
    if (node instanceof Empty) {
      return true;
    }
    problems.add(node.position(), "expected true or false for '" + qualified(key) + "', found " + node.describe());
    return fallback;
  }

  double number(String key, double fallback, double min, double max) {
    Node node = take(key);
    if (node == null) {
      return fallback;
    }
    if (!(node instanceof Scalar scalar) || scalar.kind() != Scalar.Kind.NUMBER) {
      problems.add(node.position(), "expected a number for '" + qualified(key) + "', found " + node.describe());
      return fallback;
    }
    double value = Double.parseDouble(scalar.text());
    if (value < min || value > max) {
      problems.add(node.position(), "'" + qualified(key) + "' must be " + range(min, max) + ", found " + Quote.of(scalar.text()));
      return fallback;
    }
    return value;
  }

  long integer(String key, long fallback, long min, long max) {
    Node node = take(key);
    return node == null ? fallback : integer(node, key, fallback, min, max);
  }

  /** A whole number already taken (to check it against another entry first). */
  long integer(Node node, String key, long fallback, long min, long max) {
    if (!(node instanceof Scalar scalar) || scalar.kind() != Scalar.Kind.NUMBER
        || !scalar.text().matches("-?[0-9]{1,18}")) {
      problems.add(node.position(), "expected a whole number for '" + qualified(key) + "', found " + node.describe());
      return fallback;
    }
    long value = Long.parseLong(scalar.text());
    if (value < min || value > max) {
      problems.add(node.position(), "'" + qualified(key) + "' must be " + range(min, max) + ", found " + Quote.of(scalar.text()));
      return fallback;
    }
    return value;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) integer(key, (long) fallback, min, max);
  }

  private static String range(double min, double max) {
    String low = format(min);
    String high = format(max);
    if (max == Double.MAX_VALUE || max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
      return ">= " + low;
    }
    return "between " + low + " and " + high;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** The values of a list (a single value counts as a list of one). */
  List<Node> list(String key) {
    Node node = take(key);
    if (node == null) {
      return null;
    }
    if (node instanceof ListNode list) {
      return list.items();
    }
    if (node instanceof Empty) {
      return List.of();
    }
    return List.of(node);
  }

  /**
   * A component: a name ({@code adam}), a call ({@code adam(lr: 1e-3)}) or a block with a {@code type}.
   * Positional call arguments take the names in {@code positional}, in order. An absent entry or a block
   * without a type takes {@code fallbackType}; a name that is not one of {@code types} is reported and gives a
   * null type, so that its arguments are not checked against a type nobody wrote.
   */
  Component component(String key, String fallbackType, Collection<String> types, String... positional) {
    Node node = take(key);
    String what = qualified(key);
    if (node == null || node instanceof Empty) {
      return new Component(fallbackType, new Section(what, node == null ? position : node.position(), List.of(), problems),
          null);
    }
    return component(node, what, fallbackType, types, positional);
  }

  Component component(Node node, String what, String fallbackType, Collection<String> types, String... positional) {
    if (node instanceof Scalar) {
      String type = name(node, what, null, types);
      return new Component(type, new Section(what, node.position(), List.of(), problems), null);
    }
    if (node instanceof Call call) {
      String type = name(new Scalar(Scalar.Kind.NAME, call.name(), call.position()), what, null, types);
      List<Entry> arguments = new ArrayList<>();
      int index = 0;
      for (Entry argument : call.arguments()) {
        if (argument.key() != null) {
          arguments.add(argument);
        } else if (index < positional.length) {
          arguments.add(new Entry(positional[index++], argument.value(), argument.position()));
        } else {
          problems.add(argument.position(), Quote.of(call.name()) + "(...) takes "
              + (positional.length == 0 ? "only named arguments (name: value)"
                  : positional.length + " unnamed argument" + (positional.length == 1 ? "" : "s") + " ("
                      + String.join(", ", positional) + "); name the others (name: value)"));
        }
      }
      return new Component(type, new Section(what, call.position(), arguments, problems), call.block());
    }
    if (node instanceof Block block) {
      Section section = new Section(what, block.position(), block.entries(), problems);
      Node typeNode = section.take("type");
      String type = typeNode == null ? fallbackType : section.name(typeNode, what + ".type", null, types);
      return new Component(type, section, null);
    }
    problems.add(node.position(), "expected a name or name(...) for '" + what + "', found " + node.describe());
    return new Component(fallbackType, new Section(what, node.position(), List.of(), problems), null);
  }

  /** Reports every entry no accessor asked for, suggesting the closest known key. */
  void finish() {
    for (Entry entry : entries) {
      if (entry.key() != null && !asked.contains(entry.key())) {
        problems.add(entry.position(), "unknown entry " + Quote.quoted(qualified(entry.key()))
            + Suggestions.didYouMean(entry.key(), asked)
            + (asked.isEmpty() ? " (" + (path.isEmpty() ? "here" : "'" + path + "'") + " takes no entries)"
                : " (known: " + String.join(", ", new TreeSet<>(asked)) + ")"));
      }
    }
  }

  /** A component's type, its arguments, and a block if it had one. */
  record Component(String type, Section arguments, Block block) {
    String lowerType() {
      return type == null ? null : type.toLowerCase(Locale.ROOT);
    }
  }
}
