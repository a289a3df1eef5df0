package io.seqpipe.pipelines;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.data.ClassificationReader;
import io.seqpipe.pipelines.classify.ClassificationData;
import io.seqpipe.pipelines.classify.ClassificationRun;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Evaluation;
import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.translate.TranslationRun;
import io.seqpipe.pipelines.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A validated pipeline that can be trained, evaluated and asked for predictions from Java. Training
 * writes into the output directory (default {@code runs/NAME-TIMESTAMP}) what {@code seqpipe run}
 * writes: the model, the checkpoints and the reports. Close it to free the trained model.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipelines.load(Path.of("examples/sentiment.pipe")).outputDirectory(Path.of("runs/s"))) {
 *   Map<String, Object> report = pipeline.train();
 *   Map<String, Object> test = pipeline.evaluate();
 *   List<Prediction> predictions = pipeline.predict(List.of("Great phone."));
 * }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {
  private final LoadedPipeline loaded;
  private Path output;
  private ClassificationRun.Result trained;
  private TranslationRun.Result translated;

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
  public Map<String, Object> train() throws IOException {
    return fit(false);
  }

  /** Trains, then evaluates on the test set too: what {@code seqpipe run} does. */
  public Map<String, Object> run() throws IOException {
    return fit(true);
  }

  private Map<String, Object> fit(boolean evaluateTest) throws IOException {
    close();
    if (spec().kind() == PipelineKind.TRANSLATE) {
      translated = TranslationRun.run(loaded, outputDirectory(), evaluateTest);
      return translated.report();
    }
    trained = ClassificationRun.run(loaded, outputDirectory(), evaluateTest);
    return trained.report();
  }

  /** The trained translation model (translate pipelines). */
  public Translator translator() {
    if (translated == null) {
      throw new IllegalStateException(spec().name() + ": no trained translator; train() a translate pipeline first");
    }
    return translated.translator();
  }

  /** The trained model's metrics on the spec's test data (the test file, or the split held out of train). */
  public Map<String, Object> evaluate() throws IOException {
    if (trained != null && trained.test() != null) {
      return trained.test().metrics(); // run() evaluated the test set already
    }
    List<ClassificationExample> test = ClassificationData.load(loaded, spec().train().seed()).test();
    if (test.isEmpty()) {
      throw new IllegalArgumentException(spec().name() + ": no test data; set data.test or data.test_split");
    }
    return Evaluation.of(classifier(), test).metrics();
  }

  /** The trained model's metrics on a labelled file read with the spec's text and label fields. */
  public Map<String, Object> evaluate(Path file) throws IOException {
    String text = spec().data().textField();
    String label = spec().data().labelField();
    return Evaluation.of(classifier(), ClassificationReader.forFile(file, text, label).read(file)).metrics();
  }

  public List<Prediction> predict(List<String> texts) {
    return classifier().predict(texts);
  }

  /** The trained model. */
  public Classifier classifier() {
    if (trained == null) {
      throw new IllegalStateException(spec().name() + ": not trained yet; call train() first");
    }
    return trained.classifier();
  }

  @Override
  public void close() {
    if (trained != null) {
      trained.close();
      trained = null;
    }
    if (translated != null) {
      translated.close();
      translated = null;
    }
  }
}
