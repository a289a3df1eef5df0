package io.seqpipe.pipelines.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import io.seqpipe.pipelines.report.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * One trial of a sweep as its {@code report.json} left it: the dev metric early stopping watched (its
 * best value), the matching test metric (the same metric of a classifier, BLEU of a translator), the
 * epochs trained and the training seconds of all of them.
 *
 * <pre>{@code
 * TrialResult result = TrialResult.read(trial, Path.of("runs/sweep/trials/001"), "done");
 * double dev = result.dev();
 * }</pre>
 *
 * @param metric the dev metric's name ({@code f1_macro}, {@code bleu}, ...)
 * @param higherIsBetter whether a larger dev metric is better (false for a loss)
 * @param status {@code done}, {@code dropped} (by halving) or {@code failed: why}
 */
public record TrialResult(SweepPlan.Trial trial, String metric, boolean higherIsBetter, double dev, double test,
    int epochs, double seconds, String status) {

  /** Better trials first; failed ones (NaN) last; ties in plan order. */
  public static final Comparator<TrialResult> BEST_FIRST = Comparator
      .comparingDouble((TrialResult r) -> Double.isNaN(r.dev) ? Double.POSITIVE_INFINITY
          : r.higherIsBetter ? -r.dev : r.dev)
      .thenComparing(r -> r.trial.name());

  /** The trial's results, or a failed row when it has no report. */
  public static TrialResult read(SweepPlan.Trial trial, Path dir, String status) throws IOException {
    JsonNode report = report(dir);
    if (report == null) {
      return new TrialResult(trial, "", true, Double.NaN, Double.NaN, 0, 0, status);
    }
    String metric = metric(report);
    double seconds = 0;
    for (JsonNode epoch : report.at("/training/history")) {
      seconds += epoch.path("seconds").asDouble();
    }
    JsonNode test = report.path("kind").asText().equals("translate") ? report.at("/metrics/bleu")
        : report.at("/metrics/test/" + (metric.equals("loss") ? "f1_macro" : metric));
    return new TrialResult(trial, metric, !metric.equals("loss"), report.at("/training/bestMetric").asDouble(Double.NaN),
        test.isNumber() ? test.asDouble() : Double.NaN, report.at("/training/epoch").asInt(), seconds, status);
  }

  /**
   * The best dev metric within the first {@code epochs} epochs (what the trial reported when it had
   * trained that far), NaN without a report.
   */
  public static double devWithin(Path dir, int epochs) throws IOException {
    JsonNode report = report(dir);
    if (report == null) {
      return Double.NaN;
    }
    boolean higher = !metric(report).equals("loss");
    double best = Double.NaN;
    for (JsonNode epoch : report.at("/training/history")) {
      double dev = epoch.path("devMetric").asDouble();
      if (epoch.path("epoch").asInt() <= epochs && (Double.isNaN(best) || (higher ? dev > best : dev < best))) {
        best = dev;
      }
    }
    return best;
  }

  /**
   * Whether the trial's report shows it trained {@code epochs} epochs, or stopped early before: a rerun
   * to that many epochs would train no more.
   */
  public static boolean finished(Path dir, int epochs, int patience) throws IOException {
    JsonNode report = report(dir);
    return report != null && (report.at("/training/epoch").asInt() >= epochs
        || (patience > 0 && report.at("/training/staleEpochs").asInt() >= patience));
  }

  /** This row with another status. */
  public TrialResult withStatus(String newStatus) {
    return new TrialResult(trial, metric, higherIsBetter, dev, test, epochs, seconds, newStatus);
  }

  public Map<String, String> parameters() {
    return trial.parameters();
  }

  private static String metric(JsonNode report) {
    return report.path("early_stop_metric").asText("bleu");
  }

  private static JsonNode report(Path dir) throws IOException {
    Path file = dir.resolve("report.json");
    return Files.isRegularFile(file) ? Reports.JSON.readTree(file.toFile()) : null;
  }
}
