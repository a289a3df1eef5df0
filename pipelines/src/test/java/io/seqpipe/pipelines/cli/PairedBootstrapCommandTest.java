package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score bleu|chrf|f1 --paired-bs}: seeded, the baseline first, the better system marked significant. */
class PairedBootstrapCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path ref;
  static Path weak;
  static Path strong;
  static Path gold;
  static Path guess;
  static Path right;

  @BeforeAll
  static void systems() throws Exception {
    Random random = new Random(5);
    String[] words = {"a", "b", "c", "d", "e", "f", "g", "h"};
    List<String> refs = new ArrayList<>();
    List<String> weakLines = new ArrayList<>();
    List<String> strongLines = new ArrayList<>();
    List<String> goldLines = new ArrayList<>();
    List<String> guessLines = new ArrayList<>();
    List<String> rightLines = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      StringBuilder sentence = new StringBuilder();
      for (int w = 0; w < 8; w++) {
        sentence.append(words[random.nextInt(words.length)]).append(' ');
      }
      String line = sentence.toString().strip();
      refs.add(line);
      strongLines.add(line.replaceFirst("^\\w", "z"));
      weakLines.add(line.replace("a", "z").replace("b", "z"));
      String label = random.nextBoolean() ? "pos" : "neg";
      goldLines.add(label);
      rightLines.add(i % 10 == 0 ? (label.equals("pos") ? "neg" : "pos") : label);
      guessLines.add(random.nextBoolean() ? "pos" : "neg");
    }
    ref = Files.write(dir.resolve("ref.en"), refs);
    weak = Files.write(dir.resolve("weak.en"), weakLines);
    strong = Files.write(dir.resolve("strong.en"), strongLines);
    gold = Files.write(dir.resolve("gold.txt"), goldLines);
    guess = Files.write(dir.resolve("guess.txt"), guessLines);
    right = Files.write(dir.resolve("right.txt"), rightLines);
  }

  @Test
  void bleuComparesSystemsWithTheBaselineFirst() throws Exception {
    CommandRun run = CommandRun.of("score", "bleu", "--ref", ref.toString(), "--hyp", weak.toString(), "--hyp",
        strong.toString(), "--paired-bs", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode systems = JSON.readTree(run.out()).get("systems");
    assertThat(systems.get(0).get("p_value").isNull()).isTrue();
    assertThat(systems.get(1).get("score").asDouble()).isGreaterThan(systems.get(0).get("score").asDouble());
    assertThat(systems.get(1).get("p_value").asDouble()).isLessThan(0.05);
    assertThat(CommandRun.of("score", "bleu", "--ref", ref.toString(), "--hyp", weak.toString(), "--hyp",
        strong.toString(), "--paired-bs", "--json").out()).as("seeded").isEqualTo(run.out());
  }

  @Test
  void identicalSystemsHaveAPValueOfOne() {
    CommandRun run = CommandRun.of("score", "chrf", "--ref", ref.toString(), "--hyp", strong.toString(), "--hyp",
        strong.toString(), "--paired-bs", "--samples", "200");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("chrF|nrefs:1|").contains("paired bootstrap: 200 resamples, seed 12345")
        .contains("p = 1.0000\n");
  }

  @Test
  void macroF1OfTwoClassifiers() throws Exception {
    CommandRun run = CommandRun.of("score", "f1", "--gold", gold.toString(), "--pred", guess.toString(), "--pred",
        right.toString(), "--paired-bs", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode systems = JSON.readTree(run.out()).get("systems");
    assertThat(systems.get(1).get("score").asDouble()).isGreaterThan(0.85);
    assertThat(systems.get(1).get("p_value").asDouble()).isLessThan(0.01);
  }

  @Test
  void severalSystemsNeedTheTest() {
    CommandRun run = CommandRun.of("score", "bleu", "--ref", ref.toString(), "--hyp", weak.toString(), "--hyp",
        strong.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("seqpipe: several --hyp files compare systems: add --paired-bs");
  }
}
