package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A saved model and where it runs, as the commands that use models take them. */
final class ModelArguments {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (runs/NAME/model).")
  Path directory;

  @Mixin EngineArguments engine;

  /** The model, which must be of {@code type}'s kind. */
  <M extends TrainedModel> M load(Class<M> type) throws IOException {
    return Pipelines.loadModel(directory, ModelOptions.of(engine.engine, engine.device), type);
  }
}
