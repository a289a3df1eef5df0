package io.seqpipe.grammar;

import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Empty;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line overrides, {@code KEY.PATH=VALUE}: {@code data.test=path/to/test.tsv}, {@code
 * train.epochs=3}, {@code train.optimizer.lr=1e-4}. The value is read as a pipeline value (a number,
 * {@code true}, a name, {@code "a string"}, {@code call(args)}); anything else is a string. Values are
 * then checked like the file's, with positions naming the override. A pipeline's {@code sweep} block sets
 * its values the same way ({@link #put}).
 */
public final class Overrides {
  private Overrides() {}

  /** {@code root} with every override applied, in order. */
  public static Block apply(Block root, List<String> overrides, Problems problems) {
    Block result = root;
    for (String override : overrides) {
      int equals = override.indexOf('=');
      Position position = new Position("--set " + Quote.of(equals < 0 ? override : override.substring(0, equals)), 1, 1);
      if (equals <= 0) {
        problems.add(position, "expected KEY=VALUE, e.g. train.epochs=3");
        continue;
      }
      List<String> path = Arrays.asList(override.substring(0, equals).strip().split("\\."));
      if (path.stream().anyMatch(String::isBlank)) {
        problems.add(position, "expected a key like train.epochs before '='");
        continue;
      }
      Node value = ValueParser.parse(override.substring(equals + 1).strip(), position);
      result = put(result, path, value, position, problems);
    }
    return result;
  }

  /**
   * {@code root} with {@code value} under {@code path} ({@code [train, optimizer, lr]}), set as {@code --set}
   * sets it; the entry is located at {@code position}, the value keeps its own position. Binding the result
   * checks the key and the value: an unknown key is an unknown entry there.
   */
  public static Block put(Block root, List<String> path, Node value, Position position, Problems problems) {
    return set(root, path, value, position, problems) instanceof Block block ? block : root;
  }

  private static Node set(Node node, List<String> path, Node value, Position position, Problems problems) {
    String key = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (node instanceof Empty) {
      node = new Block(List.of(), position);
    }
    if (node instanceof Block block) {
      return new Block(replace(block.entries(), key, rest, value, position, problems), block.position());
    }
    if (node instanceof Call call) {
      return new Call(call.name(), replace(call.arguments(), key, rest, value, position, problems), call.block(),
          call.position());
    }
    problems.add(position, "cannot set '" + Quote.of(key) + "' inside " + node.describe() + " (at " + node.position() + ")");
    return node;
  }

  private static List<Entry> replace(List<Entry> entries, String key, List<String> rest, Node value,
      Position position, Problems problems) {
    List<Entry> result = new ArrayList<>(entries);
    for (int i = 0; i < result.size(); i++) {
      Entry entry = result.get(i);
      if (key.equals(entry.key())) {
        Node replaced = rest.isEmpty() ? value : set(entry.value(), rest, value, position, problems);
        result.set(i, new Entry(key, replaced, position));
        return result;
      }
    }
    result.add(new Entry(key, rest.isEmpty() ? value : set(new Empty(position), rest, value, position, problems),
        position));
    return result;
  }
}
