package io.seqpipe.pipelines;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.spec.RegisteredNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java entry point: pipelines from files or from a builder, and trained models from their
 * directories.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipelines.load(Path.of("examples/sentiment.pipe"))) {
 *   pipeline.train();
 *   System.out.println(pipeline.evaluate().get("f1_macro"));
 *   pipeline.predict(List.of("Great phone.")).forEach(p -> System.out.println(p.label() + " " + p.probability()));
 * }
 *
 * Pipeline built = Pipelines.classify("reviews").train("data/train.tsv").dev("data/dev.tsv")
 *     .encoder("bilstm(hidden: 64)").epochs(3).build();
 *
 * try (Classifier model = Pipelines.loadModel(Path.of("runs/sentiment/model"))) {
 *   model.predict(List.of("Broke after a day."));
 * }
 * }</pre>
 */
public final class Pipelines {
  private Pipelines() {}

  /** A pipeline file (.pipe or .yaml), validated. */
  public static Pipeline load(Path file) {
    return load(file, List.of());
  }

  /** A pipeline file with {@code key.path=value} overrides, as {@code --set} gives them. */
  public static Pipeline load(Path file, List<String> overrides) {
    return new Pipeline(PipelineFiles.load(file, overrides, RegisteredNames.INSTANCE));
  }

  /** A pipeline already loaded and validated (as the command line loads them). */
  public static Pipeline of(LoadedPipeline loaded) {
    return new Pipeline(loaded);
  }

  /** A builder for a {@code classify} pipeline; relative paths are resolved against the working directory. */
  public static PipelineBuilder classify(String name) {
    return new PipelineBuilder(name, "classify");
  }

  /** A trained classifier from its model directory ({@code runs/NAME/model}). */
  public static Classifier loadModel(Path directory) throws IOException {
    return Classifier.load(directory);
  }
}
