package io.seqpipe.pipelines;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.components.RegisteredNames;
import io.seqpipe.pipelines.forecast.Forecaster;
import io.seqpipe.pipelines.model.ModelAverage;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * try (Translator ensemble = Pipelines.loadEnsemble(List.of(Path.of("runs/ding-1/model"), Path.of("runs/ding-2/model")),
 *     ModelOptions.DEFAULT)) {
 *   ensemble.translate(List.of("Guten Morgen."));
 * }
 * Pipelines.average(List.of(Path.of("runs/ding-1/model"), Path.of("runs/ding-2/model")), Path.of("runs/ding-avg"),
 *     ModelOptions.DEFAULT);
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
   * Translation models searched as an ensemble ({@link Translator#ensemble}), all on one engine: the
   * options', else the first model's.
   *
   * @throws IOException naming a directory that is no translation model
   * @throws IllegalArgumentException one line naming a model whose target vocabulary differs from the
   *     first's
   */
  public static Translator loadEnsemble(List<Path> directories, ModelOptions options) throws IOException {
    ModelOptions oneEngine = options.engine() != null ? options
        : new ModelOptions(EngineChoice.fromId(String.valueOf(ModelArtifact.open(directories.get(0)).manifest()
            .get("engine"))), options.device());
    List<Translator> members = new ArrayList<>();
    try {
      for (Path directory : directories) {
        members.add(loadModel(directory, oneEngine, Translator.class));
      }
      return Translator.ensemble(members);
    } catch (IOException | RuntimeException e) {
      members.forEach(Translator::close);
      throw e;
    }
  }

  /**
   * Writes a model whose parameters are the mean of these models' ({@link ModelAverage}) to {@code
   * output}, atomically.
   *
   * @return the new model directory
   * @throws IllegalArgumentException one line naming what differs between models that are not of one
   *     architecture
   */
  public static Path average(List<Path> directories, Path output, ModelOptions options) throws IOException {
    List<ModelArtifact> models = new ArrayList<>();
    for (Path directory : directories) {
      models.add(ModelArtifact.open(directory));
    }
    try (TrainedModel first = loadModel(directories.get(0), options)) {
      return ModelAverage.write(first, models, output);
    }
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
