package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.ToyData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --seeds K} and {@code compare RUN_A RUN_B} on toy classifiers. */
class ExperimentCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path pipeline;
  static Path seeds;

  @BeforeAll
  static void runTwoSeeds() throws Exception {
    pipeline = ToyData.write(dir);
    seeds = dir.resolve("seeds");
    CommandRun run = CommandRun.of("run", pipeline.toString(), "--seeds", "2", "--set", "train.epochs=2", "--out",
        seeds.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("seed 42:", "seed 43:", "2 seeds, mean ± sd:", "test.f1_macro");
  }

  @Test
  void seedsAreSummarizedAsMeanAndStandardDeviation() throws Exception {
    JsonNode summary = JSON.readTree(seeds.resolve("seeds.json").toFile());
    assertThat(summary.get("seeds")).hasSize(2);
    JsonNode f1 = summary.at("/metrics/test.f1_macro");
    double a = JSON.readTree(seeds.resolve("seed-42/report.json").toFile()).at("/metrics/test/f1_macro").asDouble();
    double b = JSON.readTree(seeds.resolve("seed-43/report.json").toFile()).at("/metrics/test/f1_macro").asDouble();
    assertThat(f1.get("mean").asDouble()).isEqualTo((a + b) / 2);
    assertThat(f1.get("sd").asDouble()).isCloseTo(Math.abs(a - b) / Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(f1.get("values")).hasSize(2);
  }

  @Test
  void compareShowsEveryMetricWithPValuesAndGuardsQuality() {
    CommandRun same = CommandRun.of("compare", seeds.resolve("seed-42").toString(), seeds.resolve("seed-42").toString(),
        "--fail-if-worse", "f1_macro");
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).contains("f1_macro", "accuracy", "precision_macro", "p: paired bootstrap, 1000 resamples");
    assertThat(same.out().lines().filter(l -> l.startsWith("f1_macro")).findFirst().orElseThrow()).endsWith("1.0000");

    Path shorter = dir.resolve("shorter");
    assertThat(CommandRun.of("run", pipeline.toString(), "--set", "train.epochs=1", "--out", shorter.toString())
        .exitCode()).isZero();
    CommandRun other = CommandRun.of("compare", seeds.resolve("seed-42").toString(), shorter.toString());
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(other.out()).containsPattern("(?m)^f1_macro .* [01]\\.[0-9]{4}\\*?$");

    CommandRun otherSplit = CommandRun.of("compare", seeds.resolve("seed-42").toString(),
        seeds.resolve("seed-43").toString());
    assertThat(otherSplit.exitCode()).isEqualTo(2);
    assertThat(otherSplit.err()).contains("its test set was split off with seed 43");
  }

  @Test
  void compareRefusesRunsOnOtherTestData() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path otherPipeline = ToyData.write(elsewhere);
    Files.writeString(elsewhere.resolve("train.tsv"), Files.readString(elsewhere.resolve("train.tsv")) + "positive\tsuperb\n");
    Path run = dir.resolve("other-run");
    assertThat(CommandRun.of("run", otherPipeline.toString(), "--set", "train.epochs=1", "--out", run.toString())
        .exitCode()).isZero();
    CommandRun compare = CommandRun.of("compare", seeds.resolve("seed-42").toString(), run.toString());
    assertThat(compare.exitCode()).isEqualTo(2);
    assertThat(compare.err().strip()).startsWith("seqpipe: " + run + ": its train data (sha256 ")
        .endsWith("; compare runs on the same test data");
  }
}
