package io.seqpipe.pipelines.experiments;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.nlp.Quote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameters a sweep tries, as {@code --set} paths and values, enumerated the same way for a seed.
 * Without {@code random}, the trials are the grid's product, the first key changing slowest. With {@code
 * random N}, there are N trials, each drawing every grid key's value from its list and every range key
 * from its range (uniform, or uniform in log space for a {@code :log} range); a range whose bounds are
 * both written as integers gives integers (rounded), any other gives 4 significant digits.
 *
 * <pre>{@code
 * SweepSpace space = SweepSpace.parse(List.of("encoder.hidden=64,128"), List.of("train.optimizer.lr=1e-4:1e-2:log"), 8);
 * List<Map<String, String>> trials = space.trials(1);   // 8 maps like {encoder.hidden=128, train.optimizer.lr=0.0003162}
 * SweepSpace fromFile = SweepSpace.of(loaded.spec().sweep());   // the pipeline file's sweep block
 * }</pre>
 *
 * @param grid each grid key's values, in option order
 * @param ranges each range key's range, in option order
 * @param random the number of random trials, 0 for the grid's product
 */
public record SweepSpace(Map<String, List<String>> grid, Map<String, Range> ranges, int random) {

  /** {@code LOW:HIGH}, uniform in log space if {@code log}, rounded to integers if {@code integer}. */
  public record Range(double low, double high, boolean log, boolean integer) {
    String draw(SplittableRandom random) {
      double u = random.nextDouble();
      double value = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
      return integer ? Long.toString(Math.round(value))
          : new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * The space of a pipeline file's {@code sweep} block, already checked when the file was read: each grid
   * value as {@code --set} takes it, each range as written.
   */
  public static SweepSpace of(SweepSpec sweep) {
    Map<String, List<String>> grid = new LinkedHashMap<>();
    sweep.grid().forEach((key, values) -> grid.put(key, values.stream().map(DslWriter::text).toList()));
    Map<String, Range> ranges = new LinkedHashMap<>();
    sweep.ranges().forEach((key, range) -> ranges.put(key, new Range(range.low(), range.high(), range.log(),
        range.integer())));
    return new SweepSpace(grid, ranges, sweep.random());
  }

  /**
   * Reads {@code --grid KEY=V1,V2} and {@code --range KEY=LOW:HIGH[:log]} options.
   *
   * @throws IllegalArgumentException naming the option when one is malformed
   */
  public static SweepSpace parse(List<String> grids, List<String> ranges, int random) {
    Map<String, List<String>> grid = new LinkedHashMap<>();
    for (String option : grids) {
      String[] keyValues = split("--grid", option, "KEY=V1,V2, e.g. encoder.hidden=64,128", grid.keySet());
      List<String> values = List.of(keyValues[1].split(",", -1)).stream().map(String::strip).toList();
      if (values.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("--grid " + Quote.quoted(option) + ": a value is empty");
      }
      grid.put(keyValues[0], values);
    }
    Map<String, Range> parsed = new LinkedHashMap<>();
    for (String option : ranges) {
      String[] keyValue = split("--range", option, "KEY=LOW:HIGH[:log], e.g. train.optimizer.lr=1e-4:1e-2:log",
          grid.keySet());
      if (parsed.containsKey(keyValue[0])) {
        throw new IllegalArgumentException("--range " + Quote.quoted(option) + ": " + keyValue[0] + " is given twice");
      }
      parsed.put(keyValue[0], range(option, keyValue[1]));
    }
    if (random < 0) {
      throw new IllegalArgumentException("--random " + random + ": expected a positive number of trials");
    }
    if (!parsed.isEmpty() && random == 0) {
      throw new IllegalArgumentException("--range needs --random N, the number of trials to draw");
    }
    if (grid.isEmpty() && parsed.isEmpty()) {
      throw new IllegalArgumentException("expected --grid KEY=V1,V2 or --random N with --range KEY=LOW:HIGH");
    }
    return new SweepSpace(grid, parsed, random);
  }

  private static String[] split(String option, String text, String expected, Iterable<String> seen) {
    int equals = text.indexOf('=');
    String key = equals < 0 ? "" : text.substring(0, equals).strip();
    if (key.isEmpty() || equals == text.length() - 1) {
      throw new IllegalArgumentException(option + " " + Quote.quoted(text) + ": expected " + expected);
    }
    for (String other : seen) {
      if (other.equals(key)) {
        throw new IllegalArgumentException(option + " " + Quote.quoted(text) + ": " + key + " is given twice");
      }
    }
    return new String[] {key, text.substring(equals + 1)};
  }

  private static Range range(String option, String text) {
    String[] parts = text.split(":", -1);
    boolean log = parts.length == 3 && parts[2].strip().equals("log");
    if (parts.length != 2 && !log) {
      throw new IllegalArgumentException("--range " + Quote.quoted(option) + ": expected LOW:HIGH or LOW:HIGH:log");
    }
    try {
      double low = Double.parseDouble(parts[0].strip());
      double high = Double.parseDouble(parts[1].strip());
      if (!(low < high) || (log && low <= 0)) {
        throw new IllegalArgumentException("--range " + Quote.quoted(option) + ": expected LOW < HIGH"
            + (log ? ", both above 0 for :log" : ""));
      }
      return new Range(low, high, log, isInteger(parts[0]) && isInteger(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--range " + Quote.quoted(option) + ": LOW and HIGH must be numbers");
    }
  }

  private static boolean isInteger(String text) {
    return text.strip().matches("-?\\d+");
  }

  /** The trials' parameters, key to value as {@code --set} takes it; the same list for the same seed. */
  public List<Map<String, String>> trials(long seed) {
    List<Map<String, String>> trials = new ArrayList<>();
    if (random == 0) {
      trials.add(new LinkedHashMap<>());
      grid.forEach((key, values) -> {
        List<Map<String, String>> product = new ArrayList<>();
        for (Map<String, String> trial : trials) {
          for (String value : values) {
            Map<String, String> next = new LinkedHashMap<>(trial);
            next.put(key, value);
            product.add(next);
          }
        }
        trials.clear();
        trials.addAll(product);
      });
      return trials;
    }
    SplittableRandom generator = new SplittableRandom(seed);
    for (int i = 0; i < random; i++) {
      Map<String, String> trial = new LinkedHashMap<>();
      grid.forEach((key, values) -> trial.put(key, values.get(generator.nextInt(values.size()))));
      ranges.forEach((key, range) -> trial.put(key, range.draw(generator)));
      trials.add(trial);
    }
    return trials;
  }
}
