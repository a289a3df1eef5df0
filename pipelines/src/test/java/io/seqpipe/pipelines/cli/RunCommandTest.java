package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.pipelines.ToyData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A classify pipeline end to end on both engines: run, then predict and evaluate with the saved model. */
class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path pipeline;

  @BeforeAll
  static void learnableData() throws Exception {
    pipeline = ToyData.write(dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mxnet", "pytorch"})
  void trainsEvaluatesReportsAndServesTheModel(String engine) throws Exception {
    Path out = dir.resolve("run-" + engine);
    CommandRun run = CommandRun.of("run", pipeline.toString(), "--engine", engine, "--out", out.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("test  accuracy", "report: " + out.resolve("report.html"));
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/engine").asText()).isEqualTo(engine);
    // a toy classifier's operations are small: its steps run on one of the engine's threads (the suite gives it 2)
    assertThat(EngineChoice.fromId(engine).operationThreads()).isEqualTo(2);
    assertThat(report.at("/engine_threads").asInt()).isEqualTo(1);
    assertThat(report.at("/examples/test").asInt()).isEqualTo(48);
    assertThat(report.at("/examples/train").asInt()).isEqualTo(192);
    for (String metric : new String[] {"accuracy", "f1_macro", "f1_micro", "f1_weighted"}) {
      assertThat(report.at("/metrics/test/" + metric).asDouble()).as(metric).isGreaterThan(0.9);
    }
    assertThat(report.at("/metrics/dev/per_label/positive/support").asInt()).isPositive();
    assertThat(report.at("/data/train/sha256").asText()).hasSize(64);
    assertThat(report.at("/seed").asLong()).isEqualTo(42);
    assertThat(report.at("/spec").asText()).contains("pipeline toy : classify", "engine " + engine);
    assertThat(report.at("/training/history").size()).isBetween(1, 6);

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<img src=\"loss.png\"", "<img src=\"dev.png\"", "<img src=\"confusion.png\"",
        "Per label (test)", "pipeline toy : classify");
    for (String png : List.of("loss.png", "dev.png", "confusion.png")) {
      byte[] bytes = Files.readAllBytes(out.resolve(png));
      assertThat(bytes).as(png).startsWith(0x89, 'P', 'N', 'G');
    }

    Path model = out.resolve("model");
    JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
    assertThat(manifest.at("/format").asInt()).isEqualTo(ModelArtifact.FORMAT);
    assertThat(manifest.at("/engine").asText()).isEqualTo(engine);
    assertThat(manifest.at("/metrics/test/accuracy").asDouble()).isEqualTo(report.at("/metrics/test/accuracy").asDouble());

    Path input = Files.writeString(dir.resolve("input-" + engine + ".txt"), "the screen is superb\nit was broken\n\n");
    CommandRun predict = CommandRun.of("predict", "--model", model.toString(), "--input", input.toString());
    assertThat(predict.exitCode()).as(predict.err()).isZero();
    List<String> lines = predict.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("positive\t0\\.\\d{6}|positive\t1\\.000000");
    assertThat(lines.get(1)).startsWith("negative\t");

    CommandRun evaluate = CommandRun.of("evaluate", "--model", model.toString(), "--data", dir.resolve("dev.tsv").toString(),
        "--json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode scores = JSON.readTree(evaluate.out());
    assertThat(scores.at("/accuracy").asDouble()).isEqualTo(report.at("/metrics/dev/accuracy").asDouble());
    assertThat(scores.at("/f1_macro").asDouble()).isEqualTo(report.at("/metrics/dev/f1_macro").asDouble());
  }

  @ParameterizedTest
  @ValueSource(strings = {"predict", "evaluate"})
  void aDirectoryThatIsNoModelGivesOneLine(String command) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("not-a-model"));
    CommandRun run = command.equals("predict")
        ? CommandRun.of("predict", "--model", empty.toString(), "--input", pipeline.toString())
        : CommandRun.of("evaluate", "--model", empty.toString(), "--data", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(run.err().strip()).isEqualTo("seqpipe: " + empty + ": not a Seqpipe model (expected manifest.json in it)");
  }
}
