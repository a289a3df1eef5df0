package io.seqpipe.nlp.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU's clipped n-gram counts for one segment: for each order, the hypothesis n-grams ({@code total})
 * and how many of them the references license ({@code correct}, each n-gram counted at most as often
 * as in the reference that has it most).
 *
 * <p>Tokens get segment-local ids and n-grams become packed {@code long} keys, sorted and compared, so
 * no string is built per n-gram; only when the keys would not fit in 63 bits do string keys serve.
 */
final class ClippedCounts {
  private ClippedCounts() {}

  /** Adds the counts of order n to {@code correct[n-1]} and {@code total[n-1]}. */
  static void add(List<String> hyp, List<List<String>> refs, int maxOrder, long[] correct, long[] total) {
    Map<String, Integer> ids = new HashMap<>();
    int[] hypIds = ids(hyp, ids);
    int[][] refIds = new int[refs.size()][];
    for (int r = 0; r < refs.size(); r++) {
      refIds[r] = ids(refs.get(r), ids);
    }
    int bits = 32 - Integer.numberOfLeadingZeros(ids.size());
    if ((long) bits * maxOrder > 63) {
      addByStrings(hyp, refs, maxOrder, correct, total);
      return;
    }
    for (int n = 1; n <= maxOrder; n++) {
      long[] hypKeys = keys(hypIds, n, bits);
      long[][] refKeys = new long[refIds.length][];
      for (int r = 0; r < refIds.length; r++) {
        refKeys[r] = keys(refIds[r], n, bits);
      }
      total[n - 1] += hypKeys.length;
      int i = 0;
      while (i < hypKeys.length) {
        int j = i;
        while (j < hypKeys.length && hypKeys[j] == hypKeys[i]) {
          j++;
        }
        int licensed = 0;
        for (long[] keys : refKeys) {
          licensed = Math.max(licensed, occurrences(keys, hypKeys[i]));
        }
        correct[n - 1] += Math.min(j - i, licensed);
        i = j;
      }
    }
  }

  /** Ids from 1 up, shared by the hypothesis and its references. */
  private static int[] ids(List<String> tokens, Map<String, Integer> ids) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      Integer id = ids.get(tokens.get(i));
      if (id == null) {
        id = ids.size() + 1;
        ids.put(tokens.get(i), id);
      }
      out[i] = id;
    }
    return out;
  }

  /** Sorted packed keys of all n-grams of order n. */
  private static long[] keys(int[] ids, int n, int bits) {
    int count = Math.max(0, ids.length - n + 1);
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      long key = 0;
      for (int k = 0; k < n; k++) {
        key = (key << bits) | ids[i + k];
      }
      keys[i] = key;
    }
    Arrays.sort(keys);
    return keys;
  }

  private static int occurrences(long[] sorted, long key) {
    int at = Arrays.binarySearch(sorted, key);
    if (at < 0) {
      return 0;
    }
    int from = at;
    while (from > 0 && sorted[from - 1] == key) {
      from--;
    }
    int to = at;
    while (to + 1 < sorted.length && sorted[to + 1] == key) {
      to++;
    }
    return to - from + 1;
  }

  private static void addByStrings(List<String> hyp, List<List<String>> refs, int maxOrder, long[] correct,
      long[] total) {
    Map<String, Integer> licensed = new HashMap<>();
    for (List<String> ref : refs) {
      for (Map.Entry<String, Integer> ngram : NGrams.count(ref, maxOrder).entrySet()) {
        licensed.merge(ngram.getKey(), ngram.getValue(), Math::max);
      }
    }
    for (Map.Entry<String, Integer> ngram : NGrams.count(hyp, maxOrder).entrySet()) {
      int n = NGrams.order(ngram.getKey());
      correct[n - 1] += Math.min(ngram.getValue(), licensed.getOrDefault(ngram.getKey(), 0));
      total[n - 1] += ngram.getValue();
    }
  }
}
