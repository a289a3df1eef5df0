package io.seqpipe.grammar.tree;

import io.seqpipe.nlp.Quote;
import java.util.List;

/**
 * A value of a pipeline file, with its position: what the DSL and YAML readers both produce and the
 * spec binder reads.
 *
 * <pre>{@code
 * // encoder bilstm(hidden: 256)   ->   Entry("encoder", Call("bilstm", [Entry("hidden", Scalar(NUMBER, "256"))]))
 * // encoder: {type: bilstm, hidden: 256}  ->  Entry("encoder", Block([type: bilstm, hidden: 256]))
 * }</pre>
 */
public sealed interface Node {
  Position position();

  /** How the value is written, for messages: "a number", "a block", ... */
  String describe();

  /** A string, a bare name, a number or a boolean; {@code text} as written (strings unescaped). */
  record Scalar(Kind kind, String text, Position position) implements Node {
    public enum Kind { STRING, NAME, NUMBER, BOOL }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the string \"" + Quote.of(text) + "\"";
        case NAME -> "'" + Quote.of(text) + "'";
        case NUMBER -> "the number " + Quote.of(text);
        case BOOL -> "the boolean " + text;
      };
    }
  }

  /** {@code [a, b]} or {@code a, b} after a key. */
  record ListNode(List<Node> items, Position position) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** {@code { key value ... }} or a YAML mapping. Keys may repeat (analyzer filters do). */
  record Block(List<Entry> entries, Position position) implements Node {
    public Block {
      entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
      return "a block";
    }
  }

  /** {@code name(arg, key: value) { block }}: a component with arguments and, optionally, a block. */
  record Call(String name, List<Entry> arguments, Block block, Position position) implements Node {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public String describe() {
      return Quote.of(name) + "(...)";
    }
  }

  /** A key written without a value. */
  record Empty(Position position) implements Node {
    @Override
    public String describe() {
      return "nothing";
    }
  }

  /** {@code key value}; a positional call argument has a null key. */
  record Entry(String key, Node value, Position position) {}
}
