package io.seqpipe.nlp.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link Lexicon} from parallel token sequences with IBM Model 1 (Brown et al., 1993): the
 * probabilities t(target | source) start uniform and are re-estimated by expectation maximization for a fixed
 * number of iterations, each target token aligned to any source token of its pair or to an empty source
 * token ({@code NULL}); a source token's translation is its most probable target token, ties going to the
 * target token that sorts first ({@link String#compareTo}). Each token of a pair counts each time it occurs.
 *
 * <p>The probabilities are kept for co-occurring pairs only (sorted rows per source token, found by binary
 * search). Single-threaded and summed in input order, so the table is the same on every run.
 *
 * <pre>{@code
 * Lexicon lexicon = new LexiconLearner(5).learn(
 *     List.of(List.of("das", "Haus"), List.of("das", "Buch")),
 *     List.of(List.of("the", "house"), List.of("the", "book")));
 * lexicon.translate("Haus");   // "house"
 * }</pre>
 */
public final class LexiconLearner {
  private static final int NULL = 0;

  private final int iterations;

  /** @param iterations rounds of expectation maximization (5 is usual for Model 1) */
  public LexiconLearner(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    this.iterations = iterations;
  }

  /**
   * The table learned from sentence pairs, {@code sources.get(i)} translated by {@code targets.get(i)}.
   *
   * @throws IllegalArgumentException when the two lists differ in length
   */
  public Lexicon learn(List<List<String>> sources, List<List<String>> targets) {
    if (sources.size() != targets.size()) {
      throw new IllegalArgumentException(sources.size() + " source sentences but " + targets.size() + " targets");
    }
    Map<String, Integer> sourceIds = new HashMap<>();
    List<String> sourceTokens = new ArrayList<>();
    sourceTokens.add(null); // NULL
    Map<String, Integer> targetIds = new HashMap<>();
    List<String> targetTokens = new ArrayList<>();
    List<int[]> sourcePairs = new ArrayList<>(sources.size());
    List<int[]> targetPairs = new ArrayList<>(targets.size());
    for (int i = 0; i < sources.size(); i++) {
      int[] source = new int[sources.get(i).size() + 1];
      source[0] = NULL;
      for (int s = 1; s < source.length; s++) {
        source[s] = id(sources.get(i).get(s - 1), sourceIds, sourceTokens);
      }
      int[] target = targets.get(i).stream().mapToInt(token -> id(token, targetIds, targetTokens)).toArray();
      sourcePairs.add(source);
      targetPairs.add(target);
    }
    Table table = Table.of(sourcePairs, targetPairs, sourceTokens.size());
    for (int round = 0; round < iterations; round++) {
      table.reestimate(sourcePairs, targetPairs);
    }
    Map<String, String> translations = new HashMap<>();
    for (int source = 1; source < sourceTokens.size(); source++) {
      int best = table.best(source, targetTokens);
      if (best >= 0) {
        translations.put(sourceTokens.get(source), targetTokens.get(best));
      }
    }
    return new Lexicon(translations);
  }

  private static int id(String token, Map<String, Integer> ids, List<String> tokens) {
    return ids.computeIfAbsent(token, t -> {
      tokens.add(t);
      return tokens.size() - 1;
    });
  }

  /** t(target | source) over the pairs that co-occur: row {@code s} holds targets {@code columns[rows[s]..rows[s+1])}. */
  private static final class Table {
    private final int[] rows;
    private final int[] columns;
    private final double[] probabilities;

    private Table(int[] rows, int[] columns) {
      this.rows = rows;
      this.columns = columns;
      this.probabilities = new double[columns.length];
      Arrays.fill(probabilities, 1.0);
    }

    static Table of(List<int[]> sourcePairs, List<int[]> targetPairs, int sourceCount) {
      long[] keys = new long[1 << 16];
      int size = 0;
      for (int i = 0; i < sourcePairs.size(); i++) {
        int[] targets = distinct(targetPairs.get(i));
        for (int source : distinct(sourcePairs.get(i))) {
          for (int target : targets) {
            if (size == keys.length) {
              size = sortedDistinct(keys, size);
              if (size > keys.length / 2) {
                keys = Arrays.copyOf(keys, keys.length * 2);
              }
            }
            keys[size++] = (long) source << 32 | target;
          }
        }
      }
      size = sortedDistinct(keys, size);
      int[] rows = new int[sourceCount + 1];
      int[] columns = new int[size];
      for (int k = 0; k < size; k++) {
        rows[(int) (keys[k] >>> 32) + 1]++;
        columns[k] = (int) keys[k];
      }
      for (int s = 0; s < sourceCount; s++) {
        rows[s + 1] += rows[s];
      }
      return new Table(rows, columns);
    }

    /** One round of expectation maximization. */
    void reestimate(List<int[]> sourcePairs, List<int[]> targetPairs) {
      double[] counts = new double[probabilities.length];
      double[] totals = new double[rows.length - 1];
      int[] cells = new int[0];
      for (int i = 0; i < sourcePairs.size(); i++) {
        int[] source = sourcePairs.get(i);
        if (cells.length < source.length) {
          cells = new int[source.length];
        }
        for (int target : targetPairs.get(i)) {
          double sum = 0;
          for (int s = 0; s < source.length; s++) {
            cells[s] = Arrays.binarySearch(columns, rows[source[s]], rows[source[s] + 1], target);
            sum += probabilities[cells[s]];
          }
          for (int s = 0; s < source.length; s++) {
            double share = probabilities[cells[s]] / sum;
            counts[cells[s]] += share;
            totals[source[s]] += share;
          }
        }
      }
      for (int s = 0; s < totals.length; s++) {
        for (int k = rows[s]; k < rows[s + 1]; k++) {
          probabilities[k] = counts[k] / totals[s];
        }
      }
    }

    /** The most probable target of a source token, or -1 when it never occurs beside one. */
    int best(int source, List<String> targetTokens) {
      int best = -1;
      for (int k = rows[source]; k < rows[source + 1]; k++) {
        if (best < 0 || probabilities[k] > probabilities[best] || probabilities[k] == probabilities[best]
            && targetTokens.get(columns[k]).compareTo(targetTokens.get(columns[best])) < 0) {
          best = k;
        }
      }
      return best < 0 ? -1 : columns[best];
    }

    private static int[] distinct(int[] ids) {
      return Arrays.stream(ids).distinct().toArray();
    }

    /** Sorts the first {@code size} keys, drops repeats and returns how many are left. */
    private static int sortedDistinct(long[] keys, int size) {
      Arrays.sort(keys, 0, size);
      int kept = 0;
      for (int k = 0; k < size; k++) {
        if (kept == 0 || keys[k] != keys[kept - 1]) {
          keys[kept++] = keys[k];
        }
      }
      return kept;
    }
  }
}
