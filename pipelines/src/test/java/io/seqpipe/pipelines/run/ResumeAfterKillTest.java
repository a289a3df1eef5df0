package io.seqpipe.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.translate.ToyTranslation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code seqpipe run} in a child JVM killed with SIGKILL inside an epoch, as a checkpoint is being written
 * and as the model directory is being staged, and rerun, ends exactly as an uninterrupted run: the same
 * parameter and optimizer bytes, the same dev metrics and the same model, with no staging directory left,
 * for classify and translate (with dropout) on both engines.
 */
class ResumeAfterKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"classify, mxnet", "classify, pytorch", "translate, mxnet", "translate, pytorch"})
  void aRunKilledAnywhereAndRerunEndsAsTheUninterruptedOne(String kind, String engine) throws Exception {
    Path pipeline = pipeline(kind);
    Path uninterrupted = dir.resolve("uninterrupted");
    assertThat(run(pipeline, uninterrupted, engine)).isZero();

    Path killed = dir.resolve("killed");
    killWhen(pipeline, killed, engine, out -> last(out).equals("epoch-0001"), 30); // inside epoch 2
    killWhen(pipeline, killed, engine, out -> staging(out) || last(out).equals("epoch-0003"), 0); // writing a checkpoint
    killWhen(pipeline, killed, engine, out -> modelStaging(out) || Files.exists(out.resolve("model")), 0); // staging the model
    assertThat(run(pipeline, killed, engine)).isZero();
    assertThat(modelStaging(killed)).as("no staging directory left behind").isFalse();
    assertThat(killed.resolve("model/parameters.bin")).hasSameBinaryContentAs(uninterrupted.resolve("model/parameters.bin"));

    String last = last(uninterrupted);
    assertThat(last(killed)).isEqualTo(last);
    for (String file : List.of("parameters.bin", "optimizer.bin", "optimizer.json")) {
      assertThat(killed.resolve("checkpoints").resolve(last).resolve(file)).as(file)
          .hasSameBinaryContentAs(uninterrupted.resolve("checkpoints").resolve(last).resolve(file));
    }
    assertThat(devMetrics(killed)).isEqualTo(devMetrics(uninterrupted));
  }

  private Path pipeline(String kind) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = kind.equals("classify") ? ToyData.write(data) : ToyTranslation.write(data);
    String text = Files.readString(file).replace("dropout: 0.0", "dropout: 0.3").replace("epochs 10", "epochs 4")
        .replace("epochs 6", "epochs 4");
    return Files.writeString(file, text);
  }

  private static int run(Path pipeline, Path out, String engine) {
    return SeqpipeCommand.commandLine().execute("run", pipeline.toString(), "--out", out.toString(), "--engine",
        engine);
  }

  /** Starts the run in a child JVM and kills it (SIGKILL) once {@code when} holds and {@code delayMs} passed. */
  private static void killWhen(Path pipeline, Path out, String engine, Predicate<Path> when, long delayMs)
      throws Exception {
    Path log = out.resolveSibling(out.getFileName() + ".child.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), SeqpipeCommand.class.getName(), "run", pipeline.toString(), "--out",
        out.toString(), "--engine", engine).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!when.test(out) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    Thread.sleep(delayMs);
    assertThat(process.isAlive()).as("the run is still going when it is killed (see " + log + ")").isTrue();
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  private static String last(Path out) {
    try {
      return Files.readString(out.resolve("checkpoints/last")).strip();
    } catch (Exception none) {
      return "";
    }
  }

  private static boolean staging(Path out) {
    try (Stream<Path> entries = Files.list(out.resolve("checkpoints"))) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
    } catch (Exception none) {
      return false;
    }
  }

  /** Whether the model directory is being written: its staging directory ({@code .model-DIGITS}) exists. */
  private static boolean modelStaging(Path out) {
    try (Stream<Path> entries = Files.list(out)) {
      return entries.anyMatch(p -> p.getFileName().toString().matches("\\.model-[0-9]+"));
    } catch (Exception none) {
      return false;
    }
  }

  private static JsonNode devMetrics(Path out) throws Exception {
    JsonNode history = JSON.readTree(out.resolve("report.json").toFile()).at("/training/history");
    assertThat(history.size()).isPositive();
    StringBuilder metrics = new StringBuilder();
    history.forEach(epoch -> metrics.append(String.format("%.4f ", epoch.get("devMetric").asDouble())));
    return JSON.getNodeFactory().textNode(metrics.toString());
  }
}
