package io.seqpipe.spark;

import static io.seqpipe.spark.SparkJobsTest.concatenated;
import static io.seqpipe.spark.SparkJobsTest.seqpipe;
import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.translate.ToyTranslation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seqpipe spark translate} on a standalone cluster of two one-core workers on loopback, one of which is
 * SIGKILLed while it translates: Spark runs the lost tasks again on the other worker, and the output is still
 * exactly what {@code seqpipe translate} writes. Runs in {@code mvn verify} (integration-test phase).
 */
class StandaloneClusterIT {
  private static final int LINES = 8000;
  private static final String[] OPTIONS = {"--window", "200", "--beam", "3"};

  @TempDir static Path shared;
  static Path model;
  static Path input;
  static String expected;
  @TempDir Path dir;

  @BeforeAll
  static void trainAndTranslateInOneProcess() throws IOException {
    Path run = shared.resolve("run");
    assertThat(seqpipe(SeqpipeCommand.commandLine(), "run",
        ToyTranslation.write(Files.createDirectories(shared.resolve("mt"))).toString(), "--out", run.toString(),
        "--set", "train.epochs=2").exitCode()).isZero();
    model = run.resolve("model");
    input = Files.writeString(shared.resolve("in.es"), ToyTranslation.sources(LINES, 3));
    Path single = shared.resolve("single.en");
    List<String> args = new ArrayList<>(List.of("translate", "--model", model.toString(), "--input", input.toString(),
        "--output", single.toString()));
    args.addAll(List.of(OPTIONS));
    assertThat(seqpipe(SeqpipeCommand.commandLine(), args.toArray(String[]::new)).exitCode()).isZero();
    expected = Files.readString(single);
  }

  @Test
  void finishesWithTheSameOutputWhenAWorkerIsKilledMidJob() throws Exception {
    Path output = dir.resolve("out");
    try (LoopbackCluster cluster = LoopbackCluster.start(dir.resolve("cluster"), 2)) {
      RunningTasks.reset();
      List<String> args = new ArrayList<>(List.of("translate", "--model", model.toString(), "--input",
          input.toString(), "--output", output.toString(), "--master", cluster.url(), "--partitions", "8", "--conf",
          "spark.extraListeners=" + RunningTasks.class.getName()));
      args.addAll(List.of(OPTIONS));
      cluster.jobSettings().forEach(setting -> args.addAll(List.of("--conf", setting)));
      CompletableFuture<SparkJobsTest.Run> job = CompletableFuture.supplyAsync(
          () -> SparkJobsTest.spark(args.toArray(String[]::new)));

      cluster.await("translation task on the first worker", () -> job.isDone()
          || RunningTasks.anyRunningAfterShuffle(executors(cluster, 0)), Duration.ofMinutes(4));
      if (job.isDone()) {
        SparkJobsTest.Run early = job.join();
        throw new AssertionError("the job ended (exit code " + early.exitCode() + ") before a worker could be killed"
            + " (too few lines?)\n" + early.err() + "\n" + cluster.logs());
      }
      cluster.kill(0);

      SparkJobsTest.Run run;
      try {
        run = job.get(6, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        throw new AssertionError("the job did not finish within 6 minutes of the kill\n" + cluster.logs(), e);
      }
      assertThat(run.exitCode()).as("%s%n%s", run.err(), cluster.logs()).isZero();
      assertThat(RunningTasks.lost()).as("tasks lost with the killed worker").isPositive();
    }
    assertThat(concatenated(output)).isEqualTo(expected).hasLineCount(LINES);
    assertThat(output.resolve("_SUCCESS")).exists();
  }

  private static java.util.Set<String> executors(LoopbackCluster cluster, int worker) {
    try {
      return cluster.executors(worker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
