package io.seqpipe.pipelines;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.components.RegisteredNames;
import io.seqpipe.pipelines.forecast.Forecaster;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java entry point: pipelines from files or from a builder, and trained models of any kind from
 * their directories.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipelines.load(Path.of("examples/sentiment.pipe"))) {
 *   pipeline.train();
 *   System.out.println(pipeline.evaluate().get("f1_macro"));
 *   pipeline.predict(List.of("Great phone.")).forEach(p -> System.out.println(p.text() + " " + p.score()));
 * }
 *
 * Pipeline built = Pipelines.classify("reviews").train("data/train.tsv").dev("data/dev.tsv")
 *     .encoder("bilstm(hidden: 64)").epochs(3).build();
 *
 * try (TrainedModel model = Pipelines.loadModel(Path.of("runs/sentiment/model"))) {
 *   model.predict(List.of("Broke after a day."));
 * }
 * try (Translator translator = Pipelines.loadModel(Path.of("runs/ding/model"), ModelOptions.DEFAULT, Translator.class)) {
 *   translator.translate(List.of("Guten Morgen."));
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

  /** A trained model from its directory ({@code runs/NAME/model}), on its own engine, on a GPU if there is one. */
  public static TrainedModel loadModel(Path directory) throws IOException {
    return loadModel(directory, ModelOptions.DEFAULT);
  }

  /**
   * A trained model of whatever kind its manifest names, on the chosen engine and device.
   *
   * @throws IOException naming the directory when it is no model, or one of a kind this Seqpipe lacks
   */
  public static TrainedModel loadModel(Path directory, ModelOptions options) throws IOException {
    ModelArtifact artifact = ModelArtifact.open(directory);
    Object kind = artifact.manifest().get("kind");
    if ("classify".equals(kind)) {
      return Classifier.load(artifact, options);
    }
    if ("translate".equals(kind)) {
      return Translator.load(artifact, options);
    }
    if ("forecast".equals(kind)) {
      return Forecaster.load(artifact, options);
    }
    throw new IOException(directory + ": a model of kind '" + kind
        + "'; this Seqpipe loads classify, translate and forecast models");
  }

  /**
   * A trained model that must be of the given kind.
   *
   * @throws IOException naming the directory and both kinds when it is another kind of model
   */
  public static <M extends TrainedModel> M loadModel(Path directory, ModelOptions options, Class<M> type)
      throws IOException {
    TrainedModel model = loadModel(directory, options);
    if (!type.isInstance(model)) {
      String kind = model.kind().id();
      model.close();
      throw new IOException(directory + ": a " + kind + " model, not a " + type.getSimpleName()
          + " (the command needs the other kind)");
    }
    return type.cast(model);
  }
}
