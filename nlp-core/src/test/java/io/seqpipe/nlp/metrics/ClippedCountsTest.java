package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packed-key counting against plain string n-gram counting, on random token sequences. */
class ClippedCountsTest {

  private static long[][] byStrings(List<String> hyp, List<List<String>> refs, int maxOrder) {
    Map<String, Integer> licensed = new HashMap<>();
    for (List<String> ref : refs) {
      NGrams.count(ref, maxOrder).forEach((ngram, count) -> licensed.merge(ngram, count, Math::max));
    }
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    NGrams.count(hyp, maxOrder).forEach((ngram, count) -> {
      int n = NGrams.order(ngram);
      correct[n - 1] += Math.min(count, licensed.getOrDefault(ngram, 0));
      total[n - 1] += count;
    });
    return new long[][] {correct, total};
  }

  private static List<String> randomTokens(Random random, int vocabulary) {
    List<String> tokens = new ArrayList<>();
    int length = random.nextInt(25);
    for (int i = 0; i < length; i++) {
      tokens.add("w" + random.nextInt(vocabulary));
    }
    return tokens;
  }

  @Test
  void agreesWithStringCounting() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20_000; trial++) {
      int vocabulary = 1 + random.nextInt(trial % 2 == 0 ? 4 : 60);
      int maxOrder = 1 + random.nextInt(trial % 3 == 0 ? 12 : 4);
      List<String> hyp = randomTokens(random, vocabulary);
      List<List<String>> refs = new ArrayList<>();
      for (int r = 0, n = 1 + random.nextInt(3); r < n; r++) {
        refs.add(randomTokens(random, vocabulary));
      }
      long[] correct = new long[maxOrder];
      long[] total = new long[maxOrder];
      ClippedCounts.add(hyp, refs, maxOrder, correct, total);
      long[][] expected = byStrings(hyp, refs, maxOrder);
      assertThat(correct).as("correct, trial " + trial).containsExactly(expected[0]);
      assertThat(total).as("total, trial " + trial).containsExactly(expected[1]);
    }
  }
}
