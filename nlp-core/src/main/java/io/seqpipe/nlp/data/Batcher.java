package io.seqpipe.nlp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Groups items into batches, by count or by a budget of padded tokens, optionally bucketing items of
 * similar length together so that little padding is wasted.
 *
 * <pre>{@code
 * Batcher batcher = Batcher.byTokens(4096).bucketed(true);
 * List<int[]> batches = batcher.batches(lengths, seed);  // each batch: indices into the items
 * }</pre>
 *
 * <p>Without bucketing, batches follow the items' order. With bucketing, items are shuffled with the
 * seed, sorted by length (stable, so equal lengths stay shuffled), cut into batches, and the batch order
 * is shuffled with the seed: deterministic for a seed, and every epoch's seed gives a new order.
 */
public final class Batcher {
  private final int maxSentences;
  private final int maxTokens;
  private final boolean bucketed;

  private Batcher(int maxSentences, int maxTokens, boolean bucketed) {
    this.maxSentences = maxSentences;
    this.maxTokens = maxTokens;
    this.bucketed = bucketed;
  }

  /** At most {@code size} items a batch. */
  public static Batcher bySentences(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + size);
    }
    return new Batcher(size, Integer.MAX_VALUE, false);
  }

  /**
   * At most {@code tokens} padded tokens a batch (items times the longest item); an item longer than
   * that forms a batch of its own.
   */
  public static Batcher byTokens(int tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens per batch must be >= 1, got " + tokens);
    }
    return new Batcher(Integer.MAX_VALUE, tokens, false);
  }

  public Batcher bucketed(boolean bucketed) {
    return new Batcher(maxSentences, maxTokens, bucketed);
  }

  /**
   * Batches of indices into the items whose lengths are given.
   *
   * @param lengths the length of each item, in tokens
   * @param seed the seed of the shuffles (unused without bucketing)
   */
  public List<int[]> batches(int[] lengths, long seed) {
    Integer[] order = new Integer[lengths.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    if (bucketed) {
      Collections.shuffle(Arrays.asList(order), random);
      Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
    }
    List<int[]> batches = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int longest = 0;
    for (int index : order) {
      int newLongest = Math.max(longest, lengths[index]);
      boolean full = current.size() == maxSentences
          || (long) newLongest * (current.size() + 1) > maxTokens;
      if (full && !current.isEmpty()) {
        batches.add(toArray(current));
        current.clear();
        newLongest = lengths[index];
      }
      current.add(index);
      longest = newLongest;
    }
    if (!current.isEmpty()) {
      batches.add(toArray(current));
    }
    if (bucketed) {
      Collections.shuffle(batches, random);
    }
    return batches;
  }

  private static int[] toArray(List<Integer> indices) {
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }
}
