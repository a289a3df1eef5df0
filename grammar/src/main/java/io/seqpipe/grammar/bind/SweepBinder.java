package io.seqpipe.grammar.bind;

import io.seqpipe.grammar.Overrides;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.grammar.spec.SweepSpec.Range;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Call;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.ListNode;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problem;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a pipeline's {@code sweep} block into a {@link SweepSpec}. Each key and value is checked exactly as
 * {@code --set KEY=VALUE} checks it: the value is set into the pipeline, its sweep left out ({@link
 * Overrides#put}), and the whole is bound again, so an unknown key, a value of the wrong type or out of
 * range is reported where the sweep block writes it. A problem the value causes elsewhere (a decoder
 * width that no longer fits) is reported at the value too, naming where it shows. A range's bounds are
 * checked the same way, and must be LOW &lt; HIGH, both above 0 for {@code log}.
 *
 * <pre>{@code
 * // sweep {
 * //   grid { encoder.hidden [64, 128] }                  # every combination of the values ...
 * //   random 8                                           # ... or 8 random trials, grid keys drawn from
 * //   range { train.optimizer.lr [1e-4, 1e-2, log] }     # their values and range keys from their ranges
 * //   halving true
 * //   seed 1
 * // }
 * SweepSpec sweep = new SweepBinder(pipelineWithoutSweep, tree -> problemsOf(tree), problems).bind(node);
 * }</pre>
 */
final class SweepBinder {
  /** Keys a sweep cannot vary: what names the pipeline, and the sweep itself. */
  private static final Set<String> FIXED = Set.of("pipeline", "kind", "sweep");
  private static final String VALUES = "a number, true or false, a name, text, a list or name(key: value, ...)";
  /** The most values a sweep block may list (each is checked by binding the pipeline again). */
  static final int MAX_VALUES = 1000;
  /** The most trials a sweep may have. */
  static final int MAX_TRIALS = 100_000;

  private final Block pipeline;
  private final Function<Block, List<Problem>> check;
  private final Problems problems;
  private List<Problem> baseline;
  private int listed;

  /**
   * @param pipeline the pipeline's entries without its sweep
   * @param check binds a pipeline tree and returns its problems
   */
  SweepBinder(Block pipeline, Function<Block, List<Problem>> check, Problems problems) {
    this.pipeline = pipeline;
    this.check = check;
    this.problems = problems;
  }

  SweepSpec bind(Node node) {
    int before = problems.list().size();
    Section sweep = Section.of("sweep", node, problems);
    Map<String, Integer> lines = new HashMap<>();
    Map<String, List<Object>> grid = grid(entries(sweep, "grid", lines));
    int random = sweep.integer("random", 0, 1, MAX_TRIALS);
    double combinations = grid.values().stream().mapToDouble(List::size).reduce(1, (a, b) -> a * b);
    if (random == 0 && combinations > MAX_TRIALS) {
      problems.add(sweep.positionOf("grid"), "the grid has more than " + MAX_TRIALS
          + " combinations; draw some of them with random N");
    }
    Map<String, Range> ranges = ranges(entries(sweep, "range", lines));
    if (sweep.has("range") && random == 0) {
      problems.add(sweep.positionOf("range"), "'sweep.range' needs 'random N', the number of trials to draw");
    }
    if (grid.isEmpty() && ranges.isEmpty() && problems.list().size() == before) {
      sweep.missing("grid", "the values to try, e.g. grid { encoder.hidden [64, 128] }, or random N with a range");
    }
    boolean halving = sweep.bool("halving", false);
    long seed = sweep.integer("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    sweep.finish();
    return new SweepSpec(grid, ranges, random, halving, seed);
  }

  private Map<String, List<Object>> grid(List<Entry> entries) {
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    for (Entry entry : entries) {
      List<String> path = path(entry);
      List<Node> items = entry.value() instanceof ListNode list ? list.items() : List.of(entry.value());
      if (path == null) {
        continue;
      }
      if (items.isEmpty() || items.get(0) instanceof Node.Empty) {
        problems.add(entry.value().position(), "expected values for " + Quote.quoted("sweep.grid." + entry.key())
            + ", e.g. " + entry.key() + " [V1, V2]");
        continue;
      }
      if (tooMany(items.size(), entry)) {
        break;
      }
      List<Object> values = new ArrayList<>();
      for (Node item : items) {
        Object value = value(item);
        if (value != null && check(entry, path, item)) {
          values.add(value);
        }
      }
      grid.put(entry.key(), values);
    }
    return grid;
  }

  private Map<String, Range> ranges(List<Entry> entries) {
    Map<String, Range> ranges = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (tooMany(2, entry)) {
        break;
      }
      List<String> path = path(entry);
      Range range = path == null ? null : range(entry, path);
      if (range != null) {
        ranges.put(entry.key(), range);
      }
    }
    return ranges;
  }

  /** Whether {@code more} values under {@code entry} bring the block's over {@link #MAX_VALUES} (reported). */
  private boolean tooMany(int more, Entry entry) {
    listed += more;
    if (listed > MAX_VALUES) {
      problems.add(entry.position(), "a sweep lists at most " + MAX_VALUES + " values in all");
      return true;
    }
    return false;
  }

  /** The entries of {@code sweep.grid} or {@code sweep.range}; a key given twice in either is reported. */
  private List<Entry> entries(Section sweep, String key, Map<String, Integer> lines) {
    Node node = sweep.take(key);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof Block block)) {
      problems.add(node.position(), "expected a block { KEY VALUES ... } for 'sweep." + key + "', found "
          + node.describe());
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : block.entries()) {
      Integer first = lines.putIfAbsent(entry.key(), entry.position().line());
      if (first != null) {
        problems.add(entry.position(), Quote.quoted(entry.key()) + " is swept twice (first on line " + first
            + "); give it one grid or one range");
      } else {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** The key's path, or null when it is not one a sweep can vary (reported). */
  private List<String> path(Entry entry) {
    List<String> path = List.of(entry.key().split("\\.", -1));
    if (path.stream().anyMatch(String::isBlank)) {
      problems.add(entry.position(), "expected a key like train.epochs, found " + Quote.quoted(entry.key()));
      return null;
    }
    if (FIXED.contains(path.get(0))) {
      problems.add(entry.position(), "a sweep varies the pipeline's settings, not its '" + path.get(0) + "'");
      return null;
    }
    return path;
  }

  private Range range(Entry entry, List<String> path) {
    Node node = entry.value();
    List<Node> items = node instanceof ListNode list ? list.items() : List.of();
    boolean log = items.size() == 3 && items.get(2) instanceof Scalar word && word.kind() != Scalar.Kind.BOOL
        && word.text().equals("log");
    if ((items.size() != 2 && !log) || !(items.get(0) instanceof Scalar low) || low.kind() != Scalar.Kind.NUMBER
        || !(items.get(1) instanceof Scalar high) || high.kind() != Scalar.Kind.NUMBER) {
      problems.add(node.position(), "expected [LOW, HIGH] or [LOW, HIGH, log] for "
          + Quote.quoted("sweep.range." + entry.key()) + ", found " + node.describe());
      return null;
    }
    boolean valid = check(entry, path, low) & check(entry, path, high);
    double lowValue = Double.parseDouble(low.text());
    double highValue = Double.parseDouble(high.text());
    if (!(lowValue < highValue)) {
      problems.add(high.position(), "a range needs LOW < HIGH, found " + Quote.of(low.text()) + " and "
          + Quote.of(high.text()));
      return null;
    }
    if (log && lowValue <= 0) {
      problems.add(low.position(), "a log range needs bounds above 0, found " + Quote.of(low.text()));
      return null;
    }
    return valid ? new Range(lowValue, highValue, log, isInteger(low) && isInteger(high)) : null;
  }

  private static boolean isInteger(Scalar number) {
    return number.text().matches("-?[0-9]{1,18}");
  }

  /**
   * Whether {@code value} under the entry's key gives a valid pipeline; what it breaks is reported at the
   * value (or at the key, for an unknown key).
   */
  private boolean check(Entry entry, List<String> path, Node value) {
    Problems found = new Problems();
    Block trial = Overrides.put(pipeline, path, value, entry.position(), found);
    List<Problem> caused = new ArrayList<>(found.list());
    caused.addAll(check.apply(trial));
    caused.removeAll(baseline());
    Set<Position> here = new HashSet<>();
    here.add(entry.position());
    positions(value, here);
    for (Problem problem : caused) {
      Problem located = here.contains(problem.position()) ? problem : new Problem(value.position(), "with "
          + entry.key() + " set to " + value.describe() + ": " + problem.message() + " (" + problem.position() + ")");
      if (!problems.list().contains(located)) { // an unknown key, once for all its values
        problems.add(located.position(), located.message());
      }
    }
    return caused.isEmpty();
  }

  /** The problems of the pipeline as it is, which no sweep value causes. */
  private List<Problem> baseline() {
    if (baseline == null) {
      baseline = check.apply(pipeline);
    }
    return baseline;
  }

  private static void positions(Node node, Set<Position> out) {
    out.add(node.position());
    if (node instanceof ListNode list) {
      list.items().forEach(item -> positions(item, out));
    } else if (node instanceof Call call) {
      call.arguments().forEach(argument -> {
        out.add(argument.position());
        positions(argument.value(), out);
      });
    } else if (node instanceof Block block) {
      block.entries().forEach(entry -> {
        out.add(entry.position());
        positions(entry.value(), out);
      });
    }
  }

  /** The value as a spec holds it (see {@link SweepSpec#grid()}), or null when a sweep cannot hold it (reported). */
  private Object value(Node node) {
    if (node instanceof Scalar scalar) {
      return switch (scalar.kind()) {
        case NUMBER -> isInteger(scalar) ? (Object) Long.parseLong(scalar.text()) : (Object) Double.parseDouble(scalar.text());
        case BOOL -> Boolean.parseBoolean(scalar.text());
        default -> scalar.text();
      };
    }
    if (node instanceof ListNode list) {
      List<Object> items = new ArrayList<>();
      for (Node item : list.items()) {
        Object value = value(item);
        if (value == null) {
          return null;
        }
        items.add(value);
      }
      return items;
    }
    if (node instanceof Call call && call.block() == null) {
      return component(call.name(), call.arguments());
    }
    if (node instanceof Block block) { // a component as YAML writes it: {type: adam, lr: 0.001}
      List<Entry> type = block.entries().stream().filter(entry -> entry.key().equals("type")).toList();
      if (type.size() == 1 && type.get(0).value() instanceof Scalar name && name.kind() != Scalar.Kind.BOOL) {
        return component(name.text(), block.entries().stream().filter(entry -> !entry.key().equals("type")).toList());
      }
    }
    problems.add(node.position(), "expected a sweep value (" + VALUES + "), found " + node.describe());
    return null;
  }

  /** {@code name(key: value, ...)}: a name alone when it has no arguments. */
  private Object component(String name, List<Entry> arguments) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Entry argument : arguments) {
      if (argument.key() == null) {
        problems.add(argument.position(), "name the arguments of a sweep value: " + Quote.of(name)
            + "(name: value, ...)");
        return null;
      }
      Object value = value(argument.value());
      if (value == null) {
        return null;
      }
      params.put(argument.key(), value);
    }
    return params.isEmpty() ? name : new ComponentSpec(name, params);
  }
}
