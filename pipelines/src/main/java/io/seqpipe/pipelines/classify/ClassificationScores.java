package io.seqpipe.pipelines.classify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.metrics.LabelScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classifier's scores on one split, as reports write them (scikit-learn's definitions).
 *
 * <pre>{@code
 * ClassificationScores scores = ClassificationScores.of(ClassificationReport.of(gold, predicted));
 * scores.f1Macro();
 * scores.get("f1_macro");   // the same, by the name pipelines use
 * }</pre>
 *
 * @param perLabel precision, recall, F1 and support of each label
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassificationScores(double accuracy, double f1Macro, double f1Micro, double f1Weighted,
    double precisionMacro, double recallMacro, Map<String, LabelRow> perLabel) {

  /** One label's scores. */
  public record LabelRow(double precision, double recall, double f1, long support) {}

  public static ClassificationScores of(ClassificationReport report) {
    Map<String, LabelRow> perLabel = new LinkedHashMap<>();
    for (LabelScores scores : report.perLabel()) {
      perLabel.put(scores.label(), new LabelRow(scores.precision(), scores.recall(), scores.f1(), scores.support()));
    }
    return new ClassificationScores(report.accuracy(), report.macro().f1(), report.micro().f1(), report.weighted().f1(),
        report.macro().precision(), report.macro().recall(), perLabel);
  }

  /**
   * A metric by its name in pipeline files ({@code accuracy}, {@code f1_macro}, ...).
   *
   * @throws IllegalArgumentException for another name
   */
  public double get(String metric) {
    return switch (metric) {
      case "accuracy" -> accuracy;
      case "f1_macro" -> f1Macro;
      case "f1_micro" -> f1Micro;
      case "f1_weighted" -> f1Weighted;
      case "precision_macro" -> precisionMacro;
      case "recall_macro" -> recallMacro;
      default -> throw new IllegalArgumentException("unknown classification metric '" + metric + "'");
    };
  }
}
