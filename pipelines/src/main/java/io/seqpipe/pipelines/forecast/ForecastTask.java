package io.seqpipe.pipelines.forecast;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.metrics.ForecastErrors;
import io.seqpipe.nlp.series.Scaler;
import io.seqpipe.nlp.series.Windows;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.run.RunReport;
import io.seqpipe.pipelines.run.Task;
import io.seqpipe.pipelines.run.TaskReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code forecast} kind of pipeline: a series read from train, dev and test files that continue one
 * another, scaled by a scaler fitted on train, cut into sliding windows (the first dev and test windows
 * draw their history from the split before), a recurrent forecaster trained on the mean squared error
 * of the scaled targets with early stopping on a dev metric of the unscaled forecasts, and MAE, RMSE,
 * MAPE, sMAPE and MASE over all steps and per step, for the model and for the naive and seasonal naive
 * baselines on the same windows.
 *
 * <pre>{@code
 * try (RunResult<?> result = RunDriver.run(PipelineFiles.load(Path.of("examples/ridership.pipe"), List.of(), names),
 *     Path.of("runs/ridership"), true)) {
 *   ForecastReport report = (ForecastReport) result.report().task();
 * }
 * }</pre>
 */
public final class ForecastTask implements Task<Forecaster> {
  private static final Logger LOG = LoggerFactory.getLogger(ForecastTask.class);

  private final ForecastSpec spec;
  private final ForecastData data;
  private final ForecastConfig config;
  private final int[] devOrigins;
  private final int[] testOrigins;
  private final ForecastBatch train;
  private final double[] scales;
  private SplitForecasts shown;
  private ForecastReport.Metrics testScores;

  private ForecastTask(ForecastSpec spec, ForecastData data) {
    this.spec = spec;
    this.data = data;
    Windows windows = new Windows(spec.window().input(), spec.window().horizon(), spec.window().stride());
    int season = spec.series().season() > 0 ? spec.series().season() : data.series().step().defaultSeason();
    int[] trainOrigins = windows.trainingOrigins(data.trainRows());
    requireRows(data.trainRows() > season ? trainOrigins.length : 0, "train", Math.max(windows.input(), season) + windows.horizon(),
        "a window (input " + windows.input() + " + horizon " + windows.horizon() + ") and a season (" + season + ")");
    devOrigins = windows.evaluationOrigins(data.trainRows(), data.trainRows() + data.devRows());
    requireRows(devOrigins.length, "dev", windows.horizon(), "the horizon (" + windows.horizon() + ")");
    int testStart = data.trainRows() + data.devRows();
    testOrigins = windows.evaluationOrigins(testStart, testStart + data.testRows());
    if (data.testRows() > 0) {
      requireRows(testOrigins.length, "test", windows.horizon(), "the horizon (" + windows.horizon() + ")");
    }
    double[][] trainValues = data.trainValues();
    config = ForecastConfig.of(spec, Scaler.fit(spec.scale(), trainValues), season);
    int targets = spec.series().targets().size();
    scales = new double[targets];
    for (int k = 0; k < targets; k++) {
      double[] column = new double[trainValues.length];
      for (int row = 0; row < column.length; row++) {
        column[row] = trainValues[row][k];
      }
      scales[k] = ForecastErrors.seasonalScale(column, season);
    }
    train = ForecastBatch.of(data.series(), trainOrigins, config.features(), windows.input(), config.steps(), true);
    LOG.info("{} train, {} dev, {} test windows of {} steps forecasting {}; {} features a step; season {}",
        trainOrigins.length, devOrigins.length, testOrigins.length, windows.input(), windows.horizon(),
        config.features().width(), season);
  }

  /** Reads the series, fits the scaler on train and cuts the training windows. */
  public static ForecastTask prepare(LoadedPipeline pipeline, ForecastSpec spec) throws IOException {
    return new ForecastTask(spec, ForecastData.load(pipeline, spec));
  }

  private void requireRows(int windows, String split, int needed, String what) {
    if (windows == 0) {
      throw new InputFormatException(data.files().get(split), split + " has too few rows for " + what + ": needs at least "
          + needed + (split.equals("train") ? "" : " after the split before"));
    }
  }

  @Override
  public Forecaster newModel(String name, EngineChoice engine, Device device) {
    return new Forecaster(ModelHandle.create(name, engine, device, config.block()), config);
  }

  @Override
  public Shape[] inputShapes() {
    return config.inputShapes();
  }

  @Override
  public int[] lengths() {
    int[] lengths = new int[train.rows()];
    Arrays.fill(lengths, config.input());
    return lengths;
  }

  @Override
  public TrainingLoop.Batch batch(int[] examples) {
    return train.select(examples);
  }

  /** The mean squared error of the scaled targets. */
  @Override
  public TrainingLoop.Objective objective() {
    return (predictions, targets) -> predictions.head().sub(targets.head()).square().mean();
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public double devMetric(Forecaster model) {
    String metric = spec.train().earlyStop().metric();
    double[][] forecasts = model.forecasts(data.series(), devOrigins);
    SplitForecasts dev = splitForecasts("dev", devOrigins, forecasts);
    if (metric.equals("loss")) {
      return scaledSquaredError(dev);
    }
    return dev.errors(forecasts, scales).overall().get(metric);
  }

  /** The training objective on dev: the mean squared error of the scaled forecasts. */
  private double scaledSquaredError(SplitForecasts dev) {
    double sum = 0;
    int count = 0;
    int targets = config.columns().targets().size();
    for (int i = 0; i < dev.origins().length; i++) {
      for (int j = 0; j < dev.model()[i].length; j++) {
        int k = j % targets;
        double error = config.scaler().scale(k, dev.model()[i][j])
            - config.scaler().scale(k, data.series().value(dev.origins()[i] + j / targets, k));
        sum += error * error;
        count++;
      }
    }
    return sum / count;
  }

  private SplitForecasts splitForecasts(String split, int[] origins, double[][] forecasts) {
    return SplitForecasts.of(split, data.series(), origins, forecasts, config.horizon(),
        config.columns().targets().size(), config.season());
  }

  @Override
  public Map<String, Path> dataFiles() {
    return data.files();
  }

  @Override
  public RunReport.Examples examples() {
    return new RunReport.Examples(train.rows(), devOrigins.length, testOrigins.length);
  }

  @Override
  public TaskReport evaluate(Forecaster model, TrainingState state, boolean test, Path out) {
    SplitForecasts dev = splitForecasts("dev", devOrigins, model.forecasts(data.series(), devOrigins));
    SplitForecasts testForecasts = test && testOrigins.length > 0
        ? splitForecasts("test", testOrigins, model.forecasts(data.series(), testOrigins)) : null;
    shown = testForecasts != null ? testForecasts : dev;
    ForecastReport.Metrics modelScores = new ForecastReport.Metrics(scores(dev, dev.model()),
        testForecasts == null ? null : scores(testForecasts, testForecasts.model()));
    if (testForecasts != null) {
      testScores = modelScores;
    }
    ForecastReport.Baselines baselines = new ForecastReport.Baselines(
        new ForecastReport.Metrics(scores(dev, dev.naive()),
            testForecasts == null ? null : scores(testForecasts, testForecasts.naive())),
        new ForecastReport.Metrics(scores(dev, dev.seasonalNaive()),
            testForecasts == null ? null : scores(testForecasts, testForecasts.seasonalNaive())));
    return new ForecastReport(modelScores, baselines, config.columns().targets(), config.horizon(), config.season(),
        spec.train().earlyStop().metric(), spec.metrics());
  }

  private ForecastReport.SplitScores scores(SplitForecasts split, double[][] forecasts) {
    return ForecastReport.SplitScores.of(split.errors(forecasts, scales));
  }

  @Override
  public ForecastReport.SplitScores testMetrics(Forecaster model) {
    if (testScores == null) {
      if (testOrigins.length == 0) {
        throw new IllegalArgumentException(spec.name() + ": no test data; set data.test");
      }
      SplitForecasts split = splitForecasts("test", testOrigins, model.forecasts(data.series(), testOrigins));
      testScores = new ForecastReport.Metrics(null, scores(split, split.model()));
    }
    return testScores.test();
  }

  @Override
  public Map<String, Object> manifestFields(TaskReport report) {
    return Map.of("series", Map.of("time", config.columns().time(), "targets", config.columns().targets(),
        "features", config.columns().covariates()), "window", Map.of("input", config.input(), "horizon",
        config.horizon()));
  }

  @Override
  public void writePage(Path out, RunReport report) throws IOException {
    ForecastPage.write(out, report, (ForecastReport) report.task(), shown);
  }
}
