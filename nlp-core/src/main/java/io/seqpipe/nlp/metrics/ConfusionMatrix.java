package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts of (true label, predicted label) pairs; rows are true labels, columns predictions, labels
 * sorted, as scikit-learn's {@code confusion_matrix}.
 *
 * <pre>{@code
 * ConfusionMatrix m = ConfusionMatrix.of(List.of("cat", "dog"), List.of("cat", "cat"));
 * m.count("dog", "cat");  // 1
 * }</pre>
 */
public final class ConfusionMatrix {
  private final List<String> labels;
  private final Map<String, Integer> index;
  private final long[][] counts;

  private ConfusionMatrix(List<String> labels, long[][] counts) {
    this.labels = List.copyOf(labels);
    this.index = labels.stream().collect(Collectors.toMap(Function.identity(), labels::indexOf));
    this.counts = counts;
  }

  /** The matrix over the sorted union of the labels in {@code gold} and {@code predicted}. */
  public static ConfusionMatrix of(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "expected as many predictions as gold labels, got " + predicted.size() + " and " + gold.size());
    }
    TreeSet<String> sorted = new TreeSet<>(gold);
    sorted.addAll(predicted);
    List<String> labels = new ArrayList<>(sorted);
    long[][] counts = new long[labels.size()][labels.size()];
    for (int i = 0; i < gold.size(); i++) {
      counts[labels.indexOf(gold.get(i))][labels.indexOf(predicted.get(i))]++;
    }
    return new ConfusionMatrix(labels, counts);
  }

  public List<String> labels() {
    return labels;
  }

  public long count(String gold, String predicted) {
    return counts[position(gold)][position(predicted)];
  }

  /** Row {@code r} (a true label), column {@code c} (a prediction), in {@link #labels()} order. */
  public long count(int row, int column) {
    return counts[row][column];
  }

  private int position(String label) {
    Integer position = index.get(label);
    if (position == null) {
      throw new IllegalArgumentException("unknown label '" + label + "'; labels: " + labels);
    }
    return position;
  }

  /** Correct predictions of the label at {@code i}. */
  long truePositives(int i) {
    return counts[i][i];
  }

  /** Items predicted as the label at {@code i}. */
  long predicted(int i) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[i];
    }
    return sum;
  }

  /** Items whose true label is the one at {@code i}. */
  long support(int i) {
    long sum = 0;
    for (long count : counts[i]) {
      sum += count;
    }
    return sum;
  }

  /** Number of items. */
  public long total() {
    long sum = 0;
    for (int i = 0; i < labels.size(); i++) {
      sum += support(i);
    }
    return sum;
  }
}
