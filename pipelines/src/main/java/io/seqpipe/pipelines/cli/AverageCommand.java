package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe average --model A --model B [...] --output DIR}: a new self-contained model whose
 * parameters are the elementwise mean of finished models of one architecture (see {@link
 * io.seqpipe.pipelines.model.ModelAverage}), written atomically; models that differ are refused in one
 * line naming what differs.
 */
@Command(name = "average", mixinStandardHelpOptions = true,
    description = "Average the parameters of saved models of one architecture into a new model directory.")
final class AverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model directory (runs/NAME/model); give two or more.")
  List<Path> models;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "The new model directory.")
  Path output;

  @Mixin EngineArguments engine;

  @Override
  public Integer call() throws Exception {
    if (models.size() < 2) {
      throw new ParameterException(spec.commandLine(), "give at least two --model to average, found " + models.size());
    }
    Path saved = Pipelines.average(models, output, ModelOptions.of(engine.engine, engine.device));
    spec.commandLine().getErr().println("averaged " + models.size() + " models -> " + saved);
    return 0;
  }
}
