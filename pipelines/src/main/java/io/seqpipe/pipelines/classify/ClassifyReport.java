package io.seqpipe.pipelines.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.seqpipe.pipelines.run.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classification part of {@code report.json}: dev and test scores, the labels and class weights,
 * and the most confidently misclassified examples.
 *
 * <pre>{@code
 * ClassifyReport classify = (ClassifyReport) pipeline.run().task();
 * classify.metrics().test().accuracy();
 * }</pre>
 *
 * @param earlyStopMetric the dev metric early stopping watched
 * @param embeddingsCoverage the share of the vocabulary found in pretrained vectors; null when learned
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifyReport(Metrics metrics, String earlyStopMetric, int vocabularySize, List<String> labels,
    float[] classWeights, Misclassified misclassified, Double embeddingsCoverage) implements TaskReport {

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(line("dev", metrics.dev()));
    if (metrics.test() != null) {
      lines.add(line("test", metrics.test()));
    }
    return lines;
  }

  private static String line(String split, ClassificationScores m) {
    return String.format(Locale.ROOT, "%-5s accuracy %.4f  f1_macro %.4f  f1_micro %.4f  f1_weighted %.4f", split,
        m.accuracy(), m.f1Macro(), m.f1Micro(), m.f1Weighted());
  }

  /** Scores on dev, and on test when the run evaluated it (else null). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metrics(ClassificationScores dev, ClassificationScores test) {}

  /** Wrongly labelled examples of a split, the most confidently wrong first. */
  public record Misclassified(String split, List<Example> examples) {}

  /** One wrongly labelled example, with the tokens the model saw and their attention weights. */
  public record Example(long line, String text, String gold, String predicted, double probability, List<String> tokens,
      List<Double> attention) {}
}
