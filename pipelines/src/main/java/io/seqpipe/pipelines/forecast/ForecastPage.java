package io.seqpipe.pipelines.forecast;

import io.seqpipe.models.train.TrainingState;
import io.seqpipe.models.train.TrainingState.EpochRecord;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ForecastScores;
import io.seqpipe.pipelines.report.Charts;
import io.seqpipe.pipelines.report.Html;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} of a forecasting run, with its PNG charts beside it: loss and dev-metric curves,
 * actual against forecast over the test period (dev without a test set) at step 1 and at the last step,
 * the error by horizon step of the model and both baselines, metric tables with the baselines beside the
 * model, the data hashes and the resolved spec.
 */
final class ForecastPage {
  private static final List<String> METRICS = List.of("mae", "rmse", "mape", "smape", "mase");

  private ForecastPage() {}

  static void write(Path out, RunReport report, ForecastReport forecast, SplitForecasts shown) throws IOException {
    TrainingState state = report.training();
    double[] epochs = state.history().stream().mapToDouble(EpochRecord::epoch).toArray();
    String metric = forecast.earlyStopMetric();
    Charts.curve(out.resolve("loss.png"), "Training loss (MSE, scaled)", "loss", epochs,
        state.history().stream().mapToDouble(EpochRecord::trainLoss).toArray());
    Charts.curve(out.resolve("dev.png"), "Dev " + metric, metric, epochs,
        state.history().stream().mapToDouble(EpochRecord::devMetric).toArray());
    String target = forecast.targets().get(0);
    int horizon = forecast.horizon();
    double[] windows = new double[shown.origins().length];
    for (int i = 0; i < windows.length; i++) {
      windows[i] = i + 1;
    }
    for (int step : horizon == 1 ? new int[] {0} : new int[] {0, horizon - 1}) {
      Map<String, double[]> lines = new LinkedHashMap<>();
      lines.put("actual", shown.actual(step));
      lines.put("forecast", SplitForecasts.at(shown.model(), step, forecast.targets().size()));
      Charts.lines(out.resolve("forecast-" + (step + 1) + ".png"), target + " over " + shown.split() + ", "
          + (step + 1) + " step" + (step == 0 ? "" : "s") + " ahead", shown.split() + " window", target, windows, lines);
    }
    ForecastReport.Metrics model = forecast.metrics();
    String split = model.test() != null ? "test" : "dev";
    double[] steps = new double[horizon];
    Map<String, double[]> byStep = new LinkedHashMap<>();
    byStep.put("model", maeByStep(split, model));
    byStep.put("naive", maeByStep(split, forecast.baselines().naive()));
    byStep.put("seasonal naive", maeByStep(split, forecast.baselines().seasonalNaive()));
    for (int h = 0; h < horizon; h++) {
      steps[h] = h + 1;
    }
    Charts.lines(out.resolve("horizon.png"), "MAE by horizon step (" + split + ")", "step ahead", "MAE", steps, byStep);

    Html page = new Html("Seqpipe report: " + report.pipeline());
    page.paragraph(String.format(Locale.ROOT, "engine %s on %s, seed %d, best epoch %d of %d, %.1f s; forecasting %s "
            + "%d steps ahead; season %d", report.engine(), report.device(), report.seed(), state.bestEpoch(),
        state.epoch(), report.seconds(), String.join(", ", forecast.targets()), horizon, forecast.season()));
    List<String> header = new ArrayList<>(List.of("split", "forecast"));
    header.addAll(METRICS);
    page.heading("Metrics, all steps (unscaled)").table(header, metricRows(forecast));
    page.image("loss.png", "training loss per epoch").image("dev.png", "dev " + metric + " per epoch");
    page.heading("Error by horizon step (" + split + ")").image("horizon.png", "MAE by horizon step")
        .table(stepHeader(), stepRows(split, forecast));
    page.heading("Actual against forecast (" + shown.split() + ", " + target + ")");
    page.image("forecast-1.png", "actual against forecast, 1 step ahead");
    if (horizon > 1) {
      page.image("forecast-" + horizon + ".png", "actual against forecast, " + horizon + " steps ahead");
    }
    page.heading("Data").table(List.of("role", "path", "sha256"), Reports.dataRows(report));
    page.heading("Pipeline").preformatted(report.spec());
    AtomicFiles.writeString(out.resolve("report.html"), page.close());
  }

  private static double[] maeByStep(String split, ForecastReport.Metrics metrics) {
    return of(split, metrics).byHorizon().stream().mapToDouble(ForecastScores::mae).toArray();
  }

  private static ForecastReport.SplitScores of(String split, ForecastReport.Metrics metrics) {
    return split.equals("test") ? metrics.test() : metrics.dev();
  }

  private static List<List<String>> metricRows(ForecastReport forecast) {
    List<List<String>> rows = new ArrayList<>();
    for (String split : forecast.metrics().test() != null ? List.of("dev", "test") : List.of("dev")) {
      rows.add(row(split, "model", of(split, forecast.metrics()).overall()));
      rows.add(row(split, "naive", of(split, forecast.baselines().naive()).overall()));
      rows.add(row(split, "seasonal naive", of(split, forecast.baselines().seasonalNaive()).overall()));
    }
    return rows;
  }

  private static List<String> row(String split, String name, ForecastScores scores) {
    List<String> row = new ArrayList<>(List.of(split, name));
    METRICS.forEach(metric -> row.add(Html.number(scores.get(metric))));
    return row;
  }

  private static List<String> stepHeader() {
    List<String> header = new ArrayList<>(List.of("step", "forecast"));
    header.addAll(METRICS);
    return header;
  }

  private static List<List<String>> stepRows(String split, ForecastReport forecast) {
    List<List<String>> rows = new ArrayList<>();
    for (int h = 0; h < forecast.horizon(); h++) {
      String step = Integer.toString(h + 1);
      rows.add(row(step, "model", of(split, forecast.metrics()).byHorizon().get(h)));
      rows.add(row(step, "naive", of(split, forecast.baselines().naive()).byHorizon().get(h)));
      rows.add(row(step, "seasonal naive", of(split, forecast.baselines().seasonalNaive()).byHorizon().get(h)));
    }
    return rows;
  }
}
