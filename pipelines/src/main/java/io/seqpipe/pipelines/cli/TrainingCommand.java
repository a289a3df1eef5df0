package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.run.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code run} and {@code train} share: the pipeline, the output directory, the summary printed. */
abstract class TrainingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PipelineArguments pipelineFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: runs/NAME-TIMESTAMP); a rerun with the same DIR resumes.")
  Path out;

  /** Whether the test set is evaluated after training. */
  abstract boolean evaluatesTest();

  @Override
  public Integer call() throws Exception {
    try (Pipeline pipeline = Pipelines.of(pipelineFile.load())) {
      if (out != null) {
        pipeline.outputDirectory(out);
      }
      RunReport report = evaluatesTest() ? pipeline.run() : pipeline.train();
      PrintWriter printer = spec.commandLine().getOut();
      report.task().summary().forEach(printer::println);
      printer.println("model:  " + report.model());
      printer.println("report: " + pipeline.outputDirectory().resolve("report.html") + " (and report.json)");
    }
    return 0;
  }
}
