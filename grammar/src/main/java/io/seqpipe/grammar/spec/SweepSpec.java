package io.seqpipe.grammar.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyper-parameter sweep a pipeline file describes in its {@code sweep} block: which {@code --set} keys
 * {@code seqpipe sweep} varies, and how. {@code seqpipe run} ignores it (the pipeline runs at its own values).
 *
 * <pre>{@code
 * // sweep {
 * //   grid { encoder.hidden [64, 128]; train.optimizer.lr [1e-3, 3e-3] }
 * //   random 8
 * //   range { train.optimizer.lr [1e-4, 1e-2, log] }
 * //   halving true
 * // }
 * SweepSpec sweep = loaded.spec().sweep();   // null when the file has no sweep block
 * sweep.grid().get("encoder.hidden");         // [64, 128]
 * }</pre>
 *
 * @param grid each key's values, in file order: numbers ({@link Long} or {@link Double}), booleans, names and
 *     text as strings, lists of values, and components as {@link ComponentSpec}s
 * @param ranges each key's range for random trials, in file order
 * @param random the number of random trials, 0 for every combination of the grid
 * @param halving whether to run the trials with successive halving
 * @param seed the seed of the random trials
 */
public record SweepSpec(Map<String, List<Object>> grid, Map<String, Range> ranges, int random, boolean halving,
    long seed) {

  /**
   * {@code [LOW, HIGH]} or {@code [LOW, HIGH, log]}: uniform, or uniform in log space.
   *
   * @param integer whether both bounds were written as whole numbers (the draws are then whole too)
   */
  public record Range(double low, double high, boolean log, boolean integer) {}

  public SweepSpec {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    grid.forEach((key, list) -> values.put(key, List.copyOf(list)));
    grid = Collections.unmodifiableMap(values);
    ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }
}
