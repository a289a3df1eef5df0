package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.pipelines.classify.ClassificationRun;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe run FILE}: train, evaluate and report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Train a pipeline, evaluate it on dev and test, and write report.json.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PipelineArguments pipelineFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/NAME-TIMESTAMP).")
  Path out;

  @Override
  public Integer call() throws Exception {
    LoadedPipeline pipeline = pipelineFile.load();
    if (pipeline.spec().kind() != PipelineKind.CLASSIFY) {
      throw new IllegalArgumentException(pipelineFile.file + ": running translate pipelines is not available yet");
    }
    Path target = out != null ? out : Path.of("runs", pipeline.spec().name() + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Map<String, Object> report = ClassificationRun.run(pipeline, target);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) report.get("metrics");
    for (Map.Entry<String, Map<String, Object>> split : metrics.entrySet()) {
      Map<String, Object> m = split.getValue();
      spec.commandLine().getOut().printf(Locale.ROOT, "%-5s accuracy %.4f  f1_macro %.4f  f1_micro %.4f  f1_weighted %.4f%n",
          split.getKey(), m.get("accuracy"), m.get("f1_macro"), m.get("f1_micro"), m.get("f1_weighted"));
    }
    spec.commandLine().getOut().println("report: " + target.resolve("report.json"));
    return 0;
  }
}
