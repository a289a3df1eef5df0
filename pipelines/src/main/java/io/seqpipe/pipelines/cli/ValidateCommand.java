package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe validate FILE}: reports every problem of a pipeline file, or prints its resolved spec. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a pipeline file (.pipe or .yaml): every problem as FILE:LINE:COL: message; exit 0 or 2.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PipelineArguments pipelineFile;

  @Option(names = "--print", description = "Print the fully resolved pipeline, defaults filled in.")
  boolean print;

  @Override
  public Integer call() {
    LoadedPipeline loaded = pipelineFile.load();
    PipelineSpec pipeline = loaded.spec();
    if (print) {
      spec.commandLine().getOut().print(DslWriter.write(pipeline));
    } else {
      spec.commandLine().getOut().println(pipelineFile.file + ": a valid " + pipeline.kind().id() + " pipeline, '" + pipeline.name() + "'");
    }
    return 0;
  }
}
