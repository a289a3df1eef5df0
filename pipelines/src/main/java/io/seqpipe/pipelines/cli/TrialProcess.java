package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.experiments.Sweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sweep's trial as {@code seqpipe run} in a child JVM (this JVM's java and class path), with
 * {@code OMP_NUM_THREADS} and {@code MKL_NUM_THREADS} set to its share of the cores, since the engines
 * read them when they load. Its output goes to {@code DIR/trials/NNN.log}; a failure is the log's last line.
 *
 * <pre>{@code
 * Sweep.TrialRunner runner = new TrialProcess(Path.of("examples/sentiment.pipe"), List.of("train.epochs=4"), 4);
 * String failure = runner.run(List.of("encoder.hidden=64"), Path.of("runs/sweep/trials/001"));
 * }</pre>
 */
final class TrialProcess implements Sweep.TrialRunner {
  private final Path pipeline;
  private final List<String> shared;
  private final int threads;

  /**
   * @param shared the overrides of every trial, before its own
   * @param threads the threads each trial may use
   */
  TrialProcess(Path pipeline, List<String> shared, int threads) {
    this.pipeline = pipeline;
    this.shared = List.copyOf(shared);
    this.threads = threads;
  }

  @Override
  public String run(List<String> overrides, Path out) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SeqpipeCommand.class.getName(), "run", pipeline.toString()));
    List<String> all = new ArrayList<>(shared);
    all.addAll(overrides);
    all.forEach(override -> command.addAll(List.of("--set", override)));
    command.addAll(List.of("--out", out.toString()));
    Files.createDirectories(out.getParent());
    Path log = out.resolveSibling(out.getFileName() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    builder.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
    Process process = builder.start();
    try {
      if (process.waitFor() == 0) {
        return null;
      }
    } finally {
      process.destroy();
    }
    List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    return lines.isEmpty() ? "exit code " + process.exitValue() : lines.get(lines.size() - 1).strip();
  }
}
