package io.seqpipe.pipelines.cli;

import picocli.CommandLine.Command;

/**
 * {@code seqpipe run FILE}: train, evaluate on dev and test, report. A {@code sweep { ... }} block in the file
 * is checked like the rest but does not change the run: the pipeline trains once, at its own values
 * ({@code seqpipe sweep FILE} runs the block).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Train a pipeline, evaluate it on dev and test, and write the model, report.json and report.html.",
        "A sweep { ... } block in the file is checked but ignored: the pipeline runs once at its own values."})
final class RunCommand extends TrainingCommand {
  @Override
  boolean evaluatesTest() {
    return true;
  }
}
