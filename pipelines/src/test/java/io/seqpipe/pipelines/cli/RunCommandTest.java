package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A classify pipeline end to end on both engines, on a small learnable data set. */
class RunCommandTest {
  @TempDir static Path dir;
  static Path pipeline;

  @BeforeAll
  static void learnableData() throws Exception {
    String[] good = {"great", "lovely", "superb", "fine"};
    String[] bad = {"awful", "broken", "poor", "dreadful"};
    String[] filler = {"the", "phone", "was", "really", "quite", "and", "battery", "screen", "it", "is"};
    Random random = new Random(1);
    for (String split : new String[] {"train", "dev"}) {
      StringBuilder tsv = new StringBuilder("label\ttext\n");
      for (int i = 0; i < (split.equals("train") ? 240 : 60); i++) {
        boolean positive = random.nextBoolean();
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 2 + random.nextInt(6); w < n; w++) {
          text.append(filler[random.nextInt(filler.length)]).append(' ');
        }
        text.append((positive ? good : bad)[random.nextInt(4)]);
        tsv.append(positive ? "positive" : "negative").append('\t').append(text).append('\n');
      }
      Files.writeString(dir.resolve(split + ".tsv"), tsv);
    }
    pipeline = Files.writeString(dir.resolve("toy.pipe"), """
        pipeline toy : classify {
          data { train "train.tsv"; dev "dev.tsv"; test_split 0.2 }
          embeddings learned(dim: 16)
          encoder bilstm(hidden: 16, dropout: 0.0)
          pooling max
          train {
            optimizer adam(lr: 0.01)
            epochs 6
            batch 16
            early_stop(metric: f1_macro, patience: 3)
          }
        }
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mxnet", "pytorch"})
  void trainsEvaluatesAndReports(String engine) throws Exception {
    Path out = dir.resolve("run-" + engine);
    CommandRun run = CommandRun.of("run", pipeline.toString(), "--set", "train.engine=" + engine, "--out", out.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("test  accuracy", "report: " + out.resolve("report.json"));
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/engine").asText()).isEqualTo(engine);
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
  }
}
