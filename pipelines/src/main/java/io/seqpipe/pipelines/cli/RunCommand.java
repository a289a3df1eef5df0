package io.seqpipe.pipelines.cli;

import picocli.CommandLine.Command;

/** {@code seqpipe run FILE}: train, evaluate on dev and test, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Train a pipeline, evaluate it on dev and test, and write the model, report.json and report.html.")
final class RunCommand extends TrainingCommand {
  @Override
  boolean evaluatesTest() {
    return true;
  }
}
