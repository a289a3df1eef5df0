package io.seqpipe.pipelines.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.series.SeriesReader;
import io.seqpipe.nlp.series.TimeSeries;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.cli.CommandRun;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.serve.SeqpipeServer;
import io.seqpipe.pipelines.serve.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forecast pipeline trained on a learnable synthetic series (a tiny LSTM, a few seconds): it beats
 * the seasonal naive baseline clearly, reports what the issue asks for, forecasts the same once saved
 * and loaded, and sees nothing after a window's end.
 */
class ForecastRunTest {
  @TempDir static Path dir;
  static Pipeline pipeline;
  static JsonNode report;

  @BeforeAll
  static void train() throws Exception {
    Path file = SyntheticSeries.write(dir);
    pipeline = Pipelines.load(file).outputDirectory(dir.resolve("run"));
    pipeline.run();
    report = Reports.JSON.readTree(dir.resolve("run/report.json").toFile());
  }

  @Test
  void beatsSeasonalNaiveClearly() {
    double model = report.at("/metrics/test/mae").asDouble();
    double seasonal = report.at("/baselines/seasonal_naive/test/mae").asDouble();
    double naive = report.at("/baselines/naive/test/mae").asDouble();
    assertThat(model).as("model %s, seasonal naive %s, naive %s", model, seasonal, naive).isLessThan(0.75 * seasonal)
        .isLessThan(0.75 * naive);
  }

  @Test
  void reportHoldsOverallPerStepAndBaselineScores() {
    for (String path : List.of("/metrics/test", "/metrics/dev", "/baselines/naive/test", "/baselines/seasonal_naive/dev")) {
      JsonNode scores = report.at(path);
      for (String metric : List.of("mae", "rmse", "mape", "smape", "mase")) {
        assertThat(scores.get(metric).isNumber()).as(path + "/" + metric).isTrue();
      }
      assertThat(scores.get("by_horizon")).hasSize(3);
      assertThat(scores.at("/by_horizon/0/mae").isNumber()).isTrue();
    }
    assertThat(report.get("kind").asText()).isEqualTo("forecast");
    assertThat(report.get("season").asInt()).isEqualTo(7);
    // step 1 is easier than step 3 for the naive forecast: the list starts at step 1
    assertThat(report.at("/baselines/naive/test/by_horizon/0/mae").asDouble())
        .isLessThan(report.at("/baselines/naive/test/by_horizon/2/mae").asDouble());
    assertThat(dir.resolve("run/report.html")).content().contains("seasonal naive", "forecast-1.png", "forecast-3.png",
        "horizon.png");
    assertThat(dir.resolve("run/forecast-3.png")).exists();
  }

  @Test
  void savedAndLoadedForecastsAreIdentical() throws Exception {
    Forecaster trained = pipeline.model(Forecaster.class);
    Path history = dir.resolve("test.csv");
    Forecast before = trained.forecast(history);
    try (Forecaster loaded = Pipelines.loadModel(dir.resolve("run/model"), ModelOptions.DEFAULT, Forecaster.class)) {
      Forecast after = loaded.forecast(history);
      assertThat(after.csv()).isEqualTo(before.csv());
      assertThat(after.times()).containsExactly("2022-08-03", "2022-08-04", "2022-08-05");
      assertThat(loaded.config().scaler()).isEqualTo(trained.config().scaler());
      assertThat(loaded.predict(List.of(Files.readString(history))).get(0).csv()).isEqualTo(before.csv());
    }
  }

  @Test
  void valuesAfterTheWindowEndDoNotChangeItsForecast() throws Exception {
    Forecaster model = pipeline.model(Forecaster.class);
    SeriesReader reader = SeriesReader.of(model.config().columns());
    TimeSeries series = reader.read(dir.resolve("dev.csv"));
    double[][] perturbed = series.values().clone();
    for (int row = 60; row < perturbed.length; row++) {
      perturbed[row] = new double[] {1e4 * (row % 3 - 1), -500};
    }
    TimeSeries changed = new TimeSeries(series.source(), series.format(), series.step(), series.times(),
        series.columns(), perturbed, series.lines());
    int[] origins = {30, 45, 60};
    assertThat(model.forecasts(changed, origins)).isDeepEqualTo(model.forecasts(series, origins));
    assertThat(model.forecasts(changed, new int[] {61})).isNotEqualTo(model.forecasts(series, new int[] {61}));
  }

  @Test
  void commandForecastsTheNextHorizonIntoAFile() throws Exception {
    Path output = dir.resolve("out/forecast.csv");
    Files.createDirectories(output.getParent());
    CommandRun run = CommandRun.of("forecast", "--model", dir.resolve("run/model").toString(), "--input",
        dir.resolve("test.csv").toString(), "--output", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String expected = pipeline.model(Forecaster.class).forecast(dir.resolve("test.csv")).csv();
    assertThat(output).content().isEqualTo(expected).startsWith("date,y\n2022-08-03,");
    assertThat(output.getParent()).isDirectoryNotContaining(path -> !path.equals(output)); // no temporary file left
    CommandRun toStdout = CommandRun.of("forecast", "--model", dir.resolve("run/model").toString(), "--input",
        dir.resolve("test.csv").toString());
    assertThat(toStdout.out()).isEqualTo(expected);
  }

  @Test
  void aBadHistoryThroughTheCommandIsOneLocatedLine() throws Exception {
    Path history = Files.writeString(dir.resolve("gap.csv"), "date,y,x\n2022-01-01,1,1\n2022-01-02,1,1\n2022-01-04,1,1\n");
    CommandRun run = CommandRun.of("forecast", "--model", dir.resolve("run/model").toString(), "--input",
        history.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + history + ":4:1: expected 2022-01-03 (one step of 1 day after line 3), "
        + "found '2022-01-04' (a gap; declare missing previous to fill gaps with the last row)\n");
  }

  @Test
  void aTranslateCommandRefusesAForecastModel() {
    CommandRun run = CommandRun.of("predict", "--model", dir.resolve("run/model").toString(), "--input",
        dir.resolve("test.csv").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("a forecast model, not a Classifier").doesNotContain("Exception", "\tat ");
  }

  @Test
  void theServerAnswersWithTheForecastsAndRefusesABadHistoryAlone() throws Exception {
    String history = Files.readString(dir.resolve("test.csv"));
    Forecast expected = pipeline.model(Forecaster.class).forecast(dir.resolve("test.csv"));
    try (SeqpipeServer server = SeqpipeServer.start(ServerOptions.defaults(Map.of("synthetic", dir.resolve("run/model")))
        .withPort(0))) {
      HttpResponse<String> good = post(server, Map.of("texts", List.of(history, history)));
      assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
      JsonNode forecasts = Reports.JSON.readTree(good.body()).get("forecasts");
      assertThat(forecasts).hasSize(2);
      assertThat(forecasts.at("/1/times/0").asText()).isEqualTo("2022-08-03");
      for (int step = 0; step < 3; step++) {
        assertThat(forecasts.at("/0/forecast/y/" + step).asDouble()).isEqualTo(expected.values().get("y")[step]);
      }
      HttpResponse<String> bad = post(server, Map.of("texts", List.of(history, "date,y,x\n2022-01-01,1,1\n2022-01-02,,1\n")));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(Reports.JSON.readTree(bad.body()).get("error").asText()).isEqualTo("text 1: history:3:12: missing value "
          + "in column 'y' (declare missing previous to carry the last value forward)");
    }
  }

  private static HttpResponse<String> post(SeqpipeServer server, Object body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/v1/models/synthetic/predict"))
        .POST(HttpRequest.BodyPublishers.ofString(Reports.JSON.writeValueAsString(body))).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAutoregressiveHeadForecastsStepByStepAndAlsoBeatsSeasonalNaive() throws Exception {
    Path out = dir.resolve("run-autoregressive");
    try (Pipeline autoregressive = Pipelines.load(dir.resolve("synthetic.pipe"), List.of("head=autoregressive"))
        .outputDirectory(out)) {
      autoregressive.run();
      JsonNode scores = Reports.JSON.readTree(out.resolve("report.json").toFile());
      double model = scores.at("/metrics/test/mae").asDouble();
      double seasonal = scores.at("/baselines/seasonal_naive/test/mae").asDouble();
      assertThat(model).as("model %s, seasonal naive %s", model, seasonal).isLessThan(0.85 * seasonal);
      Forecast trained = autoregressive.model(Forecaster.class).forecast(dir.resolve("test.csv"));
      try (Forecaster loaded = Pipelines.loadModel(out.resolve("model"), ModelOptions.DEFAULT, Forecaster.class)) {
        assertThat(loaded.config().steps()).isEqualTo(1);
        assertThat(loaded.forecast(dir.resolve("test.csv")).csv()).isEqualTo(trained.csv());
      }
      assertThat(trained.values().get("y")).hasSize(3);
    }
  }

  @Test
  void aShortHistoryIsALocatedError() throws Exception {
    Path history = Files.writeString(dir.resolve("short.csv"), "date,y,x\n2022-01-01,1,1\n2022-01-02,1,1\n");
    assertThatThrownBy(() -> pipeline.model(Forecaster.class).forecast(history))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(history + ":3: expected at least 21 rows of history (the model's window), found 2");
  }
}
