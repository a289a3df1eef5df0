package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.experiments.SeedSummary;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  @Option(names = "--seeds", paramLabel = "K", defaultValue = "1",
      description = "Run K seeds (the pipeline's, then +1, ...) into DIR/seed-S and report each metric as mean ± sd.")
  int seeds;

  @Override
  public Integer call() throws Exception {
    if (seeds > 1) {
      return runSeeds();
    }
    try (Pipeline pipeline = Pipelines.of(pipelineFile.load())) {
      if (out != null) {
        pipeline.outputDirectory(out);
      }
      RunReport report = evaluatesTest() ? pipeline.run() : pipeline.train();
      PrintWriter printer = spec.commandLine().getOut();
      report.task().summary().forEach(printer::println);
      if (report.averaged() != null) {
        printer.println(String.format(Locale.ROOT, "averaged: the checkpoints of epochs %s, dev %.4f",
            report.averaged().epochs(), report.averaged().dev()));
      }
      printer.println("model:  " + report.model());
      printer.println("report: " + pipeline.outputDirectory().resolve("report.html") + " (and report.json)");
    }
    return 0;
  }

  private int runSeeds() throws Exception {
    LoadedPipeline first = pipelineFile.load();
    Path directory = out != null ? out : Pipeline.defaultOutput(first.spec().name());
    List<Long> seedList = new ArrayList<>();
    List<RunReport> reports = new ArrayList<>();
    PrintWriter printer = spec.commandLine().getOut();
    for (int i = 0; i < seeds; i++) {
      long seed = first.spec().train().seed() + i;
      try (Pipeline pipeline = Pipelines.of(pipelineFile.load(List.of("train.seed=" + seed)))
          .outputDirectory(directory.resolve("seed-" + seed))) {
        RunReport report = evaluatesTest() ? pipeline.run() : pipeline.train();
        printer.println("seed " + seed + ":");
        report.task().summary().forEach(line -> printer.println("  " + line));
        seedList.add(seed);
        reports.add(report);
      }
    }
    SeedSummary summary = SeedSummary.of(seedList, reports);
    printer.println(seeds + " seeds, mean ± sd:");
    summary.lines().forEach(line -> printer.println("  " + line));
    Path file = directory.resolve("seeds.json");
    AtomicFiles.writeString(file, Reports.JSON.writeValueAsString(summary));
    printer.println("report: " + file);
    return 0;
  }
}
