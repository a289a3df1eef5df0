package io.seqpipe.pipelines.classify;

import io.seqpipe.models.train.TrainingState;
import io.seqpipe.models.train.TrainingState.EpochRecord;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.LabelScores;
import io.seqpipe.pipelines.report.Charts;
import io.seqpipe.pipelines.report.Html;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html} of a classification run, with its PNG charts beside it: loss and dev-metric
 * curves, the confusion matrix, metrics and per-label tables, the most confidently misclassified
 * examples with their attention weights as highlights, the data hashes and the resolved spec.
 */
final class ClassificationPage {
  private ClassificationPage() {}

  /**
   * @param shown the evaluation whose confusion matrix, per-label scores and errors are shown (test if any)
   * @param split its name
   */
  static void write(Path out, RunReport report, ClassifyReport classify, Evaluation shown) throws IOException {
    TrainingState state = report.training();
    String split = classify.misclassified().split();
    double[] epochs = state.history().stream().mapToDouble(EpochRecord::epoch).toArray();
    String metric = classify.earlyStopMetric();
    Charts.curve(out.resolve("loss.png"), "Training loss", "loss", epochs,
        state.history().stream().mapToDouble(EpochRecord::trainLoss).toArray());
    Charts.curve(out.resolve("dev.png"), "Dev " + metric, metric, epochs,
        state.history().stream().mapToDouble(EpochRecord::devMetric).toArray());
    Charts.confusion(out.resolve("confusion.png"), "Confusion matrix (" + split + ")", shown.report().confusionMatrix());

    Html page = new Html("Seqpipe report: " + report.pipeline());
    page.paragraph(String.format(Locale.ROOT, "engine %s on %s, seed %d, best epoch %d of %d, %.1f s",
        report.engine(), report.device(), report.seed(), state.bestEpoch(), state.epoch(), report.seconds()));
    page.heading("Metrics").table(List.of("split", "accuracy", "f1_macro", "f1_micro", "f1_weighted"),
        metricRows(classify.metrics()));
    page.image("loss.png", "training loss per epoch").image("dev.png", "dev " + metric + " per epoch")
        .image("confusion.png", "confusion matrix");
    page.heading("Per label (" + split + ")").table(List.of("label", "precision", "recall", "f1", "support"),
        perLabelRows(shown));
    page.heading("Misclassified (" + split + "), most confident first")
        .raw(misclassified(classify.misclassified().examples()));
    page.heading("Data").table(List.of("role", "path", "sha256"), Reports.dataRows(report));
    page.heading("Pipeline").preformatted(report.spec());
    AtomicFiles.writeString(out.resolve("report.html"), page.close());
  }

  private static List<List<String>> metricRows(ClassifyReport.Metrics metrics) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(metricRow("dev", metrics.dev()));
    if (metrics.test() != null) {
      rows.add(metricRow("test", metrics.test()));
    }
    return rows;
  }

  private static List<String> metricRow(String split, ClassificationScores m) {
    return List.of(split, Html.number(m.accuracy()), Html.number(m.f1Macro()), Html.number(m.f1Micro()),
        Html.number(m.f1Weighted()));
  }

  private static List<List<String>> perLabelRows(Evaluation shown) {
    List<List<String>> rows = new ArrayList<>();
    for (LabelScores scores : shown.report().perLabel()) {
      rows.add(List.of(scores.label(), Html.number(scores.precision()), Html.number(scores.recall()),
          Html.number(scores.f1()), Html.number(scores.support())));
    }
    return rows;
  }

  /** Each example's tokens shaded by attention weight (relative to its largest weight). */
  private static String misclassified(List<ClassifyReport.Example> examples) {
    if (examples.isEmpty()) {
      return "<p>none</p>\n";
    }
    StringBuilder out = new StringBuilder("<table><tr><th>text (shaded by attention)</th><th>gold</th><th>predicted</th>"
        + "<th>probability</th></tr>\n");
    for (ClassifyReport.Example example : examples) {
      List<String> tokens = example.tokens();
      List<Double> attention = example.attention();
      double max = attention.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      out.append("<tr><td style=\"text-align:left\">");
      if (attention.isEmpty()) {
        out.append(Html.escape(example.text()));
      }
      for (int i = 0; i < tokens.size() && !attention.isEmpty(); i++) {
        double alpha = max > 0 ? attention.get(i) / max : 0;
        out.append(String.format(Locale.ROOT, "<span class=\"tok\" style=\"background:rgba(255,140,0,%.2f)\" title=\"%.3f\">",
            alpha, attention.get(i))).append(Html.escape(tokens.get(i))).append("</span> ");
      }
      out.append("</td><td>").append(Html.escape(example.gold())).append("</td><td>")
          .append(Html.escape(example.predicted())).append("</td><td>")
          .append(Html.number(example.probability())).append("</td></tr>\n");
    }
    return out.append("</table>\n").toString();
  }
}
