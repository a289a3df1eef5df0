package io.seqpipe.pipelines;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.pipelines.model.ModelOutput;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunDriver;
import io.seqpipe.pipelines.run.RunReport;
import io.seqpipe.pipelines.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A validated pipeline of any kind that can be trained, evaluated and used from Java. Training writes
 * into the output directory (default {@code runs/NAME-TIMESTAMP}) what {@code seqpipe run} writes: the
 * model, the checkpoints and the reports. Close it to free the trained model.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipelines.load(Path.of("examples/sentiment.pipe")).outputDirectory(Path.of("runs/s"))) {
 *   RunReport report = pipeline.train();
 *   Map<String, Object> test = pipeline.evaluate();
 *   List<? extends ModelOutput> labels = pipeline.predict(List.of("Great phone."));
 *   Classifier classifier = pipeline.model(Classifier.class);   // the kind's own API
 * }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {
  private final LoadedPipeline loaded;
  private Path output;
  private RunResult<?> result;

  Pipeline(LoadedPipeline loaded) {
    this.loaded = loaded;
  }

  public PipelineSpec spec() {
    return loaded.spec();
  }

  public Pipeline outputDirectory(Path directory) {
    this.output = directory;
    return this;
  }

  /** Where training writes; chosen on first use when not set. */
  public Path outputDirectory() {
    if (output == null) {
      output = defaultOutput(spec().name());
    }
    return output;
  }

  /** {@code runs/NAME-yyyyMMdd-HHmmss}. */
  public static Path defaultOutput(String name) {
    return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /** Trains (resuming from checkpoints in the output directory), saves the model and returns the report. */
  public RunReport train() throws IOException {
    return fit(false);
  }

  /** Trains, then evaluates on the test set too: what {@code seqpipe run} does. */
  public RunReport run() throws IOException {
    return fit(true);
  }

  private RunReport fit(boolean evaluateTest) throws IOException {
    close();
    result = RunDriver.run(loaded, outputDirectory(), evaluateTest);
    return result.report();
  }

  /** The trained model's scores on the spec's test data (the test file, or the split held out of train). */
  public Map<String, Object> evaluate() throws IOException {
    return Reports.JSON.convertValue(trained().testMetrics(), Reports.MAP);
  }

  /** The trained model's answer for each text: labels for a classifier, translations for a translator. */
  public List<? extends ModelOutput> predict(List<String> texts) {
    return model().predict(texts);
  }

  /** The trained model. */
  public TrainedModel model() {
    return trained().model();
  }

  /**
   * The trained model as its kind's class ({@code Classifier}, {@code Translator}).
   *
   * @throws IllegalStateException when the pipeline trains another kind of model
   */
  public <M extends TrainedModel> M model(Class<M> type) {
    TrainedModel model = model();
    if (!type.isInstance(model)) {
      throw new IllegalStateException(spec().name() + ": a " + spec().kind().id() + " pipeline trains a "
          + model.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return type.cast(model);
  }

  private RunResult<?> trained() {
    if (result == null) {
      throw new IllegalStateException(spec().name() + ": not trained yet; call train() first");
    }
    return result;
  }

  @Override
  public void close() {
    if (result != null) {
      result.close();
      result = null;
    }
  }
}
