package io.seqpipe.pipelines.forecast;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.series.SeriesReader;
import io.seqpipe.nlp.series.TimeSeries;
import io.seqpipe.nlp.series.WindowFeatures;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TextAnalysis;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained time-series forecaster, ready to forecast: from a training run or loaded from a model
 * directory, which holds the scaler and the columns it reads ({@code forecaster.json}). Close it to free
 * the engine's memory.
 *
 * <pre>{@code
 * try (Forecaster forecaster = Pipelines.loadModel(Path.of("runs/ridership/model"), ModelOptions.DEFAULT,
 *     Forecaster.class)) {
 *   Forecast next = forecaster.forecast(Path.of("history.csv"));
 *   System.out.print(next.csv());
 * }
 * }</pre>
 */
public final class Forecaster implements TrainedModel {
  static final String CONFIG = "forecaster.json";
  static final String SPEC = "spec.pipe";
  private static final int BATCH = 256;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelHandle handle;
  private final ForecastConfig config;

  Forecaster(ModelHandle handle, ForecastConfig config) {
    this.handle = handle;
    this.config = config;
  }

  public static Forecaster load(ModelArtifact artifact, ModelOptions options) throws IOException {
    ForecastConfig config = JSON.readValue(artifact.text(CONFIG), ForecastConfig.class);
    return new Forecaster(ModelHandle.open(artifact, options, config.block(), config.inputShapes()), config);
  }

  public ForecastConfig config() {
    return config;
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.FORECAST;
  }

  @Override
  public ModelHandle handle() {
    return handle;
  }

  /** The next horizon after the history in {@code file} (CSV with the training files' columns). */
  public Forecast forecast(Path file) throws IOException {
    return forecast(SeriesReader.of(config.columns()).read(file));
  }

  /** The next horizon after {@code history}, which needs at least the window's input steps. */
  public Forecast forecast(TimeSeries history) {
    window(history);
    double[] values = forecasts(history, new int[] {history.size()})[0];
    List<String> times = new ArrayList<>();
    LocalDateTime time = history.end();
    for (int step = 0; step < config.horizon(); step++) {
      time = history.step().next(time);
      times.add(history.format().format(time));
    }
    Map<String, double[]> byTarget = new LinkedHashMap<>();
    List<String> targets = config.columns().targets();
    for (int k = 0; k < targets.size(); k++) {
      double[] series = new double[config.horizon()];
      for (int step = 0; step < series.length; step++) {
        series[step] = values[step * targets.size() + k];
      }
      byTarget.put(targets.get(k), series);
    }
    return new Forecast(config.columns().time(), times, byTarget);
  }

  /**
   * The unscaled forecasts of the windows at {@code origins} of {@code series}: per origin, step after
   * step, each step's targets. Computed in batches; a window's forecast does not depend on the others.
   * A dense head forecasts the horizon in one pass; an autoregressive one a step a pass, each step's
   * forecast appended to the window for the next.
   */
  double[][] forecasts(TimeSeries series, int[] origins) {
    handle.prepareInferenceThread();
    int targets = config.columns().targets().size();
    int steps = config.steps();
    double[][] out = new double[origins.length][config.horizon() * targets];
    for (int start = 0; start < origins.length; start += BATCH) {
      int[] chunk = Arrays.copyOfRange(origins, start, Math.min(origins.length, start + BATCH));
      ForecastBatch batch = ForecastBatch.of(series, chunk, config.features(), config.input(), steps, false);
      for (int done = 0; done < config.horizon(); done += steps) {
        float[] scaled = forward(batch);
        for (int row = 0; row < chunk.length; row++) {
          for (int i = 0; i < steps * targets; i++) {
            out[start + row][done * targets + i] = config.scaler().unscale(i % targets, scaled[row * steps * targets + i]);
          }
        }
        if (done + steps < config.horizon()) {
          batch = batch.step(scaled, calendarAt(series, chunk, done + 1));
        }
      }
    }
    return out;
  }

  private float[] forward(ForecastBatch batch) {
    try (NDManager scope = handle.manager().newSubManager()) {
      NDList output = handle.block().forward(new ParameterStore(scope, false), batch.inputs(scope), false);
      return output.head().toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  /** The calendar features of step {@code step} (0-based) ahead of each origin, row after row. */
  private float[] calendarAt(TimeSeries series, int[] origins, int step) {
    WindowFeatures features = config.features();
    int width = features.calendarWidth();
    float[] out = new float[origins.length * width];
    for (int row = 0; row < origins.length; row++) {
      System.arraycopy(features.future(series, origins[row], step + 1), step * width, out, row * width, width);
    }
    return out;
  }

  /** The rows of {@code history}, at least the model's window. */
  private int window(TimeSeries history) {
    if (history.size() < config.input()) {
      throw new InputFormatException(history.source(), history.size() + 1, 0, "expected at least " + config.input()
          + " rows of history (the model's window), found " + history.size());
    }
    return history.size();
  }

  private TimeSeries history(String text, String source) {
    try {
      return SeriesReader.of(config.columns()).read(new StringReader(text), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each text is a history in CSV (a header, then rows); the answer is the forecast after it. */
  @Override
  public List<Forecast> predict(List<String> texts) {
    List<Forecast> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(forecast(history(texts.get(i), "history " + (i + 1))));
    }
    return out;
  }

  /** A forecaster takes no search settings. */
  @Override
  public List<Forecast> predict(List<String> texts, Inference inference) {
    if (!inference.isDefault()) {
      throw new IllegalArgumentException("beam, n_best and alpha apply to translation models; this model forecasts");
    }
    return predict(texts);
  }

  /** A forecaster reads numbers: it has no text analysis. */
  @Override
  public TextAnalysis analysis() {
    throw new UnsupportedOperationException("a forecast model reads time series, not text");
  }

  /**
   * A history's length in rows, read and checked as {@link #predict} reads it, so that a bad history is
   * refused on its own before it is batched with others.
   *
   * @throws InputFormatException naming the history's line and the problem
   */
  @Override
  public int length(String text) {
    return window(history(text, "history"));
  }

  /** Histories of any length are read; the model uses the last {@code input} rows. */
  @Override
  public int maxLength() {
    return Integer.MAX_VALUE;
  }

  /** Writes the model directory atomically: parameters, {@code forecaster.json}, the resolved spec, the manifest. */
  @Override
  public Path save(Path directory, String specText, Map<String, Object> fields) throws IOException {
    return handle.save(directory, kind().id(), fields, writer -> writer
        .text(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config))
        .text(SPEC, specText));
  }
}
