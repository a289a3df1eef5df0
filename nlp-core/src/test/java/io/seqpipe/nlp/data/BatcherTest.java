package io.seqpipe.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatcherTest {
  private static final int[] LENGTHS = new Random(3).ints(500, 1, 60).toArray();

  private static int[] flatten(List<int[]> batches) {
    return batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
  }

  @Test
  void bySentencesKeepsOrderWithoutBucketing() {
    List<int[]> batches = Batcher.bySentences(32).batches(LENGTHS, 1);
    assertThat(batches).hasSize(16);
    assertThat(batches.get(0)).containsExactly(IntStream.range(0, 32).toArray());
    assertThat(batches.get(15)).hasSize(500 - 15 * 32);
  }

  @Test
  void everyItemExactlyOnce() {
    for (Batcher batcher : List.of(Batcher.bySentences(7), Batcher.byTokens(200),
        Batcher.bySentences(7).bucketed(true), Batcher.byTokens(200).bucketed(true))) {
      assertThat(flatten(batcher.batches(LENGTHS, 5))).containsExactly(IntStream.range(0, 500).toArray());
    }
  }

  @Test
  void tokenBudgetBoundsPaddedSize() {
    for (int[] batch : Batcher.byTokens(300).bucketed(true).batches(LENGTHS, 9)) {
      int longest = Arrays.stream(batch).map(i -> LENGTHS[i]).max().orElseThrow();
      assertThat((long) longest * batch.length).isLessThanOrEqualTo(300);
    }
    List<int[]> huge = Batcher.byTokens(10).batches(new int[] {50, 3, 3}, 0);
    assertThat(huge).containsExactly(new int[] {0}, new int[] {1, 2});
  }

  @Test
  void bucketingGroupsSimilarLengthsAndIsSeeded() {
    Batcher batcher = Batcher.bySentences(50).bucketed(true);
    List<int[]> first = batcher.batches(LENGTHS, 42);
    assertThat(batcher.batches(LENGTHS, 42)).usingRecursiveComparison().isEqualTo(first);
    assertThat(batcher.batches(LENGTHS, 43)).usingRecursiveComparison().isNotEqualTo(first);
    long padding = first.stream().mapToLong(b -> {
      int max = Arrays.stream(b).map(i -> LENGTHS[i]).max().orElseThrow();
      return Arrays.stream(b).mapToLong(i -> max - LENGTHS[i]).sum();
    }).sum();
    long unbucketedPadding = Batcher.bySentences(50).batches(LENGTHS, 42).stream().mapToLong(b -> {
      int max = Arrays.stream(b).map(i -> LENGTHS[i]).max().orElseThrow();
      return Arrays.stream(b).mapToLong(i -> max - LENGTHS[i]).sum();
    }).sum();
    assertThat(padding * 5).isLessThan(unbucketedPadding);
  }

  @Test
  void badSizes() {
    assertThatThrownBy(() -> Batcher.bySentences(0)).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> Batcher.byTokens(-1)).hasMessageContaining(">= 1");
  }

  @Test
  void paddedBatchIsRowMajor() {
    PaddedBatch batch = PaddedBatch.of(List.of(new int[] {5, 6, 7}, new int[] {8}), 0);
    assertThat(batch.ids()).containsExactly(5, 6, 7, 8, 0, 0);
    assertThat(batch.lengths()).containsExactly(3, 1);
    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.columns()).isEqualTo(3);
    assertThat(batch.tokens()).isEqualTo(4);
    assertThat(PaddedBatch.of(List.of(new int[] {1}, new int[] {}), 9).ids()).containsExactly(1, 9);
  }

  @Test
  void shufflingIsSeeded() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    assertThat(Shuffling.shuffled(items, 1)).isEqualTo(Shuffling.shuffled(items, 1))
        .isNotEqualTo(items).containsExactlyInAnyOrderElementsOf(items);
  }
}
