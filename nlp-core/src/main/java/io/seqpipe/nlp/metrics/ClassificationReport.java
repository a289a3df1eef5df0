package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy, per-label precision/recall/F1/support and their macro, micro and weighted averages with
 * scikit-learn's semantics ({@code precision_recall_fscore_support}, {@code zero_division=0}: a ratio
 * with a zero denominator counts as 0).
 *
 * <pre>{@code
 * ClassificationReport report = ClassificationReport.of(gold, predicted);
 * report.accuracy();
 * report.macro().f1();
 * System.out.print(report.format());   // a table like sklearn's classification_report
 * }</pre>
 */
public final class ClassificationReport {
  private final ConfusionMatrix matrix;
  private final List<LabelScores> perLabel;
  private final LabelScores macro;
  private final LabelScores micro;
  private final LabelScores weighted;

  private ClassificationReport(ConfusionMatrix matrix) {
    this.matrix = matrix;
    List<String> labels = matrix.labels();
    List<LabelScores> scores = new ArrayList<>();
    long tpSum = 0;
    long predictedSum = 0;
    long supportSum = 0;
    double[] sums = new double[3];
    double[] weightedSums = new double[3];
    for (int i = 0; i < labels.size(); i++) {
      long tp = matrix.truePositives(i);
      long predicted = matrix.predicted(i);
      long support = matrix.support(i);
      double precision = ratio(tp, predicted);
      double recall = ratio(tp, support);
      double f1 = f1(tp, predicted, support);
      scores.add(new LabelScores(labels.get(i), precision, recall, f1, support));
      tpSum += tp;
      predictedSum += predicted;
      supportSum += support;
      double[] values = {precision, recall, f1};
      for (int k = 0; k < 3; k++) {
        sums[k] += values[k];
        weightedSums[k] += values[k] * support;
      }
    }
    int n = labels.size();
    this.perLabel = List.copyOf(scores);
    this.macro = new LabelScores("macro avg", mean(sums[0], n), mean(sums[1], n), mean(sums[2], n), supportSum);
    this.micro = new LabelScores("micro avg", ratio(tpSum, predictedSum), ratio(tpSum, supportSum),
        f1(tpSum, predictedSum, supportSum), supportSum);
    this.weighted = new LabelScores("weighted avg", ratio(weightedSums[0], supportSum),
        ratio(weightedSums[1], supportSum), ratio(weightedSums[2], supportSum), supportSum);
  }

  public static ClassificationReport of(List<String> gold, List<String> predicted) {
    return new ClassificationReport(ConfusionMatrix.of(gold, predicted));
  }

  /** F1 as sklearn computes it: 2tp / (predicted + support), 0 when that is 0/0. */
  private static double f1(long tp, long predicted, long support) {
    return ratio(2.0 * tp, predicted + support);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  private static double mean(double sum, int count) {
    return count == 0 ? 0.0 : sum / count;
  }

  public double accuracy() {
    long total = matrix.total();
    long correct = 0;
    for (int i = 0; i < matrix.labels().size(); i++) {
      correct += matrix.truePositives(i);
    }
    return ratio(correct, total);
  }

  /** One entry per label, labels sorted. */
  public List<LabelScores> perLabel() {
    return perLabel;
  }

  public LabelScores macro() {
    return macro;
  }

  public LabelScores micro() {
    return micro;
  }

  public LabelScores weighted() {
    return weighted;
  }

  public ConfusionMatrix confusionMatrix() {
    return matrix;
  }

  /** A table in the layout of sklearn's {@code classification_report}, 4 decimals. */
  public String format() {
    int width = Math.max(12, perLabel.stream().mapToInt(s -> s.label().length()).max().orElse(0));
    String row = "%" + width + "s %10s %10s %10s %10s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, row, "", "precision", "recall", "f1-score", "support"));
    out.append('\n');
    for (LabelScores scores : perLabel) {
      out.append(line(row, scores));
    }
    out.append('\n');
    out.append(String.format(Locale.ROOT, row, "accuracy", "", "", PythonText.fixed(accuracy(), 4),
        Long.toString(matrix.total())));
    for (LabelScores scores : List.of(macro, micro, weighted)) {
      out.append(line(row, scores));
    }
    return out.toString();
  }

  private static String line(String row, LabelScores s) {
    return String.format(Locale.ROOT, row, s.label(), PythonText.fixed(s.precision(), 4),
        PythonText.fixed(s.recall(), 4), PythonText.fixed(s.f1(), 4), Long.toString(s.support()));
  }
}
