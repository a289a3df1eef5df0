package io.seqpipe.pipelines.cli;

import picocli.CommandLine.Command;

/** {@code seqpipe train FILE}: train and save the model, looking at dev only. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a pipeline and save the model (dev metrics only; evaluate the test set with 'evaluate').")
final class TrainCommand extends TrainingCommand {
  @Override
  boolean evaluatesTest() {
    return false;
  }
}
