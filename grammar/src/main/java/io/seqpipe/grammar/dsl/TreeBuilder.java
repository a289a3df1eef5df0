package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.ListNode;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** ANTLR's parse tree of a pipeline file as {@link Node}s, with strings unescaped and variables resolved. */
final class TreeBuilder {
  private final String source;
  private final Variables variables;
  private final Problems problems;

  TreeBuilder(String source, Variables variables, Problems problems) {
    this.source = source;
    this.variables = variables;
    this.problems = problems;
  }

  Position position(Token token) {
    return new Position(source, token.getLine(), token.getCharPositionInLine() + 1);
  }

  Block block(PipelineParser.BlockContext block) {
    List<Entry> entries = new ArrayList<>();
    for (PipelineParser.EntryContext entry : block.entry()) {
      entries.add(entry(entry));
    }
    return new Block(entries, position(block.getStart()));
  }

  Entry entry(PipelineParser.EntryContext entry) {
    Position position = position(entry.key);
    String key = entry.key.getText();
    Block block = entry.block() == null ? null : block(entry.block());
    List<Node> values = new ArrayList<>();
    for (PipelineParser.ValueContext value : entry.value()) {
      values.add(value(value));
    }
    Node value;
    if (entry.arguments() != null) {
      // key(args) [block]: the key names a component, as filters in an analyzer block do
      value = new Call(key, arguments(entry.arguments()), block, position);
      if (!values.isEmpty()) {
        problems.add(values.get(0).position(), "unexpected " + values.get(0).describe() + " after "
            + key + "(...); put the next entry on a new line or after ';'");
      }
      return new Entry(key, value, position);
    }
    if (values.isEmpty()) {
      value = block != null ? block : new Empty(position);
    } else if (values.size() == 1) {
      value = values.get(0);
      if (block != null) {
        value = withBlock(value, block);
      }
    } else {
      value = new ListNode(values, values.get(0).position());
      if (block != null) {
        problems.add(block.position(), "a block cannot follow a list of values");
      }
    }
    return new Entry(key, value, position);
  }

  /** {@code key name { block }} or {@code key name(args) { block }}: the block belongs to the named value. */
  private Node withBlock(Node value, Block block) {
    if (value instanceof Scalar scalar && scalar.kind() == Scalar.Kind.NAME) {
      return new Call(scalar.text(), List.of(), block, scalar.position());
    }
    if (value instanceof Call call && call.block() == null) {
      return new Call(call.name(), call.arguments(), block, call.position());
    }
    problems.add(block.position(), "a block can follow a name, not " + value.describe());
    return value;
  }

  List<Entry> arguments(PipelineParser.ArgumentsContext arguments) {
    List<Entry> entries = new ArrayList<>();
    for (PipelineParser.ArgumentContext argument : arguments.argument()) {
      Node value = value(argument.value());
      TerminalNode name = argument.NAME();
      entries.add(new Entry(name == null ? null : name.getText(), value,
          name == null ? value.position() : position(name.getSymbol())));
    }
    return entries;
  }

  Node value(PipelineParser.ValueContext value) {
    Position position = position(value.getStart());
    if (value instanceof PipelineParser.StringContext string) {
      return new Scalar(Scalar.Kind.STRING, string(string.STRING().getText(), position), position);
    }
    if (value instanceof PipelineParser.NumberContext number) {
      return new Scalar(Scalar.Kind.NUMBER, number.getText(), position);
    }
    if (value instanceof PipelineParser.BoolContext bool) {
      return new Scalar(Scalar.Kind.BOOL, bool.getText(), position);
    }
    if (value instanceof PipelineParser.VariableContext variable) {
      String text = variable.getText();
      return variables.value(text.substring(2, text.length() - 1), position);
    }
    if (value instanceof PipelineParser.NameContext name) {
      return name.arguments() == null ? new Scalar(Scalar.Kind.NAME, name.NAME().getText(), position)
          : new Call(name.NAME().getText(), arguments(name.arguments()), null, position);
    }
    List<Node> items = new ArrayList<>();
    for (PipelineParser.ValueContext item : ((PipelineParser.ListContext) value).value()) {
      items.add(value(item));
    }
    return new ListNode(items, position);
  }

  /** The text of a string token: quotes off, escapes applied, {@code ${...}} replaced. */
  private String string(String token, Position position) {
    String body = token.substring(1, token.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        int end = body.indexOf('}', i);
        if (end < 0) {
          problems.add(position, "unclosed ${ in string; write \\$ for a literal $");
          out.append(body.substring(i));
          break;
        }
        out.append(variables.text(body.substring(i + 2, end), position));
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
