package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
      Map<String, Object> report = evaluatesTest() ? pipeline.run() : pipeline.train();
      print(spec.commandLine().getOut(), report, pipeline.outputDirectory());
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static void print(PrintWriter out, Map<String, Object> report, Path directory) {
    if ("translate".equals(report.get("kind"))) {
      Map<String, Object> m = (Map<String, Object>) report.get("metrics");
      out.printf(Locale.ROOT, "dev   BLEU (greedy) %.2f%n", m.get("dev_bleu_greedy"));
      if (m.containsKey("bleu")) {
        out.println("test  " + m.get("bleu_verbose"));
        out.printf(Locale.ROOT, "test  %s = %.2f%n", m.get("chrf_signature"), m.get("chrf"));
        out.printf(Locale.ROOT, "test  greedy: BLEU %.2f, chrF %.2f%n", m.get("bleu_greedy"), m.get("chrf_greedy"));
      }
    } else {
      for (Map.Entry<String, Object> split : ((Map<String, Object>) report.get("metrics")).entrySet()) {
        Map<String, Object> m = (Map<String, Object>) split.getValue();
        out.printf(Locale.ROOT, "%-5s accuracy %.4f  f1_macro %.4f  f1_micro %.4f  f1_weighted %.4f%n", split.getKey(),
            m.get("accuracy"), m.get("f1_macro"), m.get("f1_micro"), m.get("f1_weighted"));
      }
    }
    out.println("model:  " + report.get("model"));
    out.println("report: " + directory.resolve("report.html") + " (and report.json)");
  }
}
