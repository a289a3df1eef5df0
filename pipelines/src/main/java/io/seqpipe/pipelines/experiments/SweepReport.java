package io.seqpipe.pipelines.experiments;

import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.report.Charts;
import io.seqpipe.pipelines.report.Html;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A sweep's results: {@code sweep.csv} (one row per trial: its parameters, dev and test metric, epochs,
 * training seconds, status) and {@code sweep.html} (the same table, best dev first, and one scatter plot
 * of the dev metric against each numeric parameter, {@code dev-N.png}), each written atomically.
 *
 * <pre>{@code
 * SweepReport.write(Path.of("runs/sweep"), results, results.get(0));   // results best first
 * }</pre>
 */
public final class SweepReport {
  private SweepReport() {}

  /** Writes the CSV, the page and its plots into {@code dir}; {@code results} best first. */
  public static void write(Path dir, List<TrialResult> results, TrialResult best) throws IOException {
    List<String> keys = List.copyOf(best.parameters().keySet());
    List<String> header = new ArrayList<>(List.of("trial"));
    header.addAll(keys);
    header.addAll(List.of("dev " + best.metric(), "test " + testName(best), "epochs", "train_seconds", "status"));
    List<List<String>> rows = new ArrayList<>();
    for (TrialResult result : results) {
      List<String> row = new ArrayList<>(List.of(result.trial().name()));
      keys.forEach(key -> row.add(result.parameters().get(key)));
      row.addAll(List.of(number(result.dev()), number(result.test()), Integer.toString(result.epochs()),
          String.format(Locale.ROOT, "%.1f", result.seconds()), result.status()));
      rows.add(row);
    }
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      printer.printRecords(rows);
    }
    AtomicFiles.writeString(dir.resolve("sweep.csv"), csv.toString());

    Html page = new Html("Sweep: " + results.size() + " trials");
    page.paragraph("Best by dev " + best.metric() + ": trial " + best.trial().name() + " " + best.parameters()
        + " (its model is in best/). Test scores are shown, never used to choose.");
    page.table(header, rows);
    for (int k = 0; k < keys.size(); k++) {
      if (plot(dir.resolve("dev-" + (k + 1) + ".png"), keys.get(k), "dev " + best.metric(), results)) {
        page.image("dev-" + (k + 1) + ".png", "dev " + best.metric() + " by " + keys.get(k));
      }
    }
    AtomicFiles.writeString(dir.resolve("sweep.html"), page.close());
  }

  /** Plots dev against a parameter when its values are numbers; log x when they span 100 times or more. */
  private static boolean plot(Path file, String key, String metric, List<TrialResult> results) throws IOException {
    List<double[]> points = new ArrayList<>();
    for (TrialResult result : results) {
      try {
        if (!Double.isNaN(result.dev())) {
          points.add(new double[] {Double.parseDouble(result.parameters().get(key)), result.dev()});
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (points.isEmpty()) {
      return false;
    }
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    double min = Arrays.stream(x).min().orElse(0);
    double max = Arrays.stream(x).max().orElse(0);
    Charts.scatter(file, metric + " by " + key, key, metric, x, y, min > 0 && max / min >= 100);
    return true;
  }

  private static String testName(TrialResult best) {
    return best.metric().equals("loss") ? "f1_macro" : best.metric();
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
  }
}
