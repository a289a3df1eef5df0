package io.seqpipe.nlp.subword;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns byte-pair-encoding merges from word counts with the algorithm of Sennrich et al. (2016) as
 * subword-nmt's {@code learn_bpe} applies it: every word is its characters with {@code </w>} attached to
 * the last one; each step merges the most frequent adjacent pair of symbols (counted over word
 * frequencies) everywhere, left to right without overlaps; ties go to the larger pair, compared as
 * subword-nmt's Python compares {@code (left, right)} tuples of strings (code point by code point); learning
 * stops after {@code merges} merges or when no pair occurs {@code minFrequency} times.
 *
 * <p>Pair counts are kept incrementally with an index from each pair to the words holding it, and the
 * most frequent pair comes from a priority queue whose stale entries are skipped (each changed pair is
 * queued once a step), so a step costs the words it changes, not a rescan of the vocabulary. Single-threaded: the merges do not depend on any
 * thread count.
 *
 * <pre>{@code
 * BpeCodes codes = new BpeLearner(8000, 2).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L));
 * }</pre>
 */
public final class BpeLearner {
  private final int merges;
  private final int minFrequency;

  /**
   * @param merges the most merge operations to learn
   * @param minFrequency the least count a pair needs to be merged (subword-nmt's default is 2)
   */
  public BpeLearner(int merges, int minFrequency) {
    if (merges < 0 || minFrequency < 1) {
      throw new IllegalArgumentException("merges must be >= 0 and min_freq >= 1, got " + merges + " and " + minFrequency);
    }
    this.merges = merges;
    this.minFrequency = minFrequency;
  }

  /** Counts the whitespace-separated words of {@code lines}, as subword-nmt reads its training text. */
  public static Map<String, Long> vocabulary(Iterable<String> lines) {
    Map<String, Long> counts = new HashMap<>();
    for (String line : lines) {
      for (String word : line.strip().split(" ")) {
        if (!word.isEmpty()) {
          counts.merge(word, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** The merge table learned from words and their counts. */
  public BpeCodes learn(Map<String, Long> vocabulary) {
    return new Run(vocabulary).learn();
  }

  /** One learning run's state: symbols, words as symbol ids, pair counts and the words that hold each pair. */
  private final class Run {
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final int[][] words;
    private final long[] frequencies;
    /** Each pair's count, in a one-element array so that updates do not box. */
    private final Map<Long, long[]> counts = new HashMap<>();
    /** The words each pair occurred in at some point (appended to, never cleared: checked when used). */
    private final Map<Long, IntList> holders = new HashMap<>();
    private final PriorityQueue<long[]> queue = new PriorityQueue<>(this::compareEntries);
    private final int[] visited;
    private int step;

    Run(Map<String, Long> vocabulary) {
      List<Map.Entry<String, Long>> entries = new ArrayList<>(vocabulary.entrySet());
      entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
      words = new int[entries.size()][];
      frequencies = new long[entries.size()];
      visited = new int[entries.size()];
      for (int w = 0; w < words.length; w++) {
        words[w] = characters(entries.get(w).getKey());
        frequencies[w] = entries.get(w).getValue();
        add(w, words[w], +1, null);
      }
      counts.forEach((pair, count) -> queue.add(new long[] {count[0], pair}));
    }

    BpeCodes learn() {
      List<String[]> learned = new ArrayList<>();
      while (learned.size() < merges) {
        long[] best = queue.poll();
        while (best != null && count(best[1]) != best[0]) {
          best = queue.poll(); // stale: the pair's count changed since this entry
        }
        if (best == null || best[0] < minFrequency) {
          break;
        }
        int left = (int) (best[1] >>> 32);
        int right = (int) best[1];
        learned.add(new String[] {symbols.get(left), symbols.get(right)});
        merge(best[1], left, right, symbol(symbols.get(left) + symbols.get(right)));
      }
      return new BpeCodes(learned);
    }

    private int[] characters(String word) {
      int[] codePoints = word.codePoints().toArray();
      int[] ids = new int[codePoints.length];
      for (int i = 0; i < codePoints.length; i++) {
        String text = Character.toString(codePoints[i]);
        ids[i] = symbol(i == codePoints.length - 1 ? text + BpeCodes.END_OF_WORD : text);
      }
      return ids;
    }

    private int symbol(String text) {
      return symbolIds.computeIfAbsent(text, t -> {
        symbols.add(t);
        return symbols.size() - 1;
      });
    }

    private long count(long pair) {
      long[] count = counts.get(pair);
      return count == null ? 0 : count[0];
    }

    /**
     * Replaces the pair everywhere it occurs, left to right without overlaps; the counts of the pairs in
     * the words changed are updated and queued once each.
     */
    private void merge(long pair, int left, int right, int merged) {
      step++;
      Set<Long> changed = new HashSet<>();
      IntList candidates = holders.getOrDefault(pair, IntList.EMPTY);
      for (int k = 0; k < candidates.size(); k++) {
        int w = candidates.get(k);
        if (visited[w] == step || !contains(words[w], left, right)) {
          continue;
        }
        visited[w] = step;
        int[] word = words[w];
        add(w, word, -1, changed);
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
          if (i + 1 < word.length && word[i] == left && word[i + 1] == right) {
            out[n++] = merged;
            i++;
          } else {
            out[n++] = word[i];
          }
        }
        words[w] = Arrays.copyOf(out, n);
        add(w, words[w], +1, changed);
      }
      for (long p : changed) {
        long count = count(p);
        if (count > 0) {
          queue.add(new long[] {count, p});
        }
      }
    }

    private static boolean contains(int[] word, int left, int right) {
      for (int i = 0; i + 1 < word.length; i++) {
        if (word[i] == left && word[i + 1] == right) {
          return true;
        }
      }
      return false;
    }

    /** Adds ({@code +1}) or removes ({@code -1}) a word's pairs from the counts, noting the pairs changed. */
    private void add(int w, int[] word, int sign, Set<Long> changed) {
      for (int i = 0; i + 1 < word.length; i++) {
        long pair = ((long) word[i] << 32) | (word[i + 1] & 0xffffffffL);
        counts.computeIfAbsent(pair, p -> new long[1])[0] += sign * frequencies[w];
        if (sign > 0) {
          holders.computeIfAbsent(pair, p -> new IntList()).add(w);
        }
        if (changed != null) {
          changed.add(pair);
        }
      }
    }

    /** Larger counts first; ties to the larger (left, right) by code points, as Python's max over tuples. */
    private int compareEntries(long[] a, long[] b) {
      if (a[0] != b[0]) {
        return Long.compare(b[0], a[0]);
      }
      int leftOrder = compareCodePoints(symbols.get((int) (b[1] >>> 32)), symbols.get((int) (a[1] >>> 32)));
      return leftOrder != 0 ? leftOrder
          : compareCodePoints(symbols.get((int) b[1]), symbols.get((int) a[1]));
    }
  }

  /** A growable list of ints. */
  private static final class IntList {
    static final IntList EMPTY = new IntList();
    private int[] values = new int[4];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }
  }

  /** Python's string order: code point by code point (String.compareTo orders UTF-16 units). */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
