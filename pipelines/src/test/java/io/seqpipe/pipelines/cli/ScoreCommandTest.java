package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir static Path dir;
  static Path hyp;
  static Path ref1;
  static Path ref2;

  /** The corpus of ../shared/golden/bleu.md. */
  @BeforeAll
  static void writeGoldenCorpus() throws Exception {
    hyp = Files.writeString(dir.resolve("hyp.txt"),
        "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n");
    ref1 = Files.writeString(dir.resolve("ref1.txt"),
        "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n");
    ref2 = Files.writeString(dir.resolve("ref2.txt"),
        "The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n");
  }

  @Test
  void bleuPrintsSacrebleusLine() {
    CommandRun run = CommandRun.of("score", "bleu", "--hyp", hyp.toString(), "--ref", ref1.toString(),
        "--ref", ref2.toString(), "-w", "6");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3"
        + " = 48.530827 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)");
  }

  @Test
  void bleuJsonWithOtherTokenizer() throws Exception {
    CommandRun run = CommandRun.of("score", "bleu", "--hyp", hyp.toString(), "--ref", ref1.toString(),
        "--ref", ref2.toString(), "--tokenize", "none", "--width", "7", "--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("score").asDouble()).isEqualTo(49.1919566);
    assertThat(json.get("tok").asText()).isEqualTo("none");
    assertThat(json.get("signature").asText()).isEqualTo("nrefs:2|case:mixed|eff:no|tok:none|smooth:exp|version:2.4.3");
  }

  @Test
  void chrF() {
    CommandRun run = CommandRun.of("score", "chrf", "--hyp", hyp.toString(), "--ref", hyp.toString());
    assertThat(run.out().strip()).isEqualTo("chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.3 = 100.0");
  }

  /** ../shared/golden/f1.md. */
  @Test
  void f1TableAndJson() throws Exception {
    Path gold = Files.writeString(dir.resolve("gold.txt"), "cat\ndog\npig\ncat\ndog\npig\n");
    Path pred = Files.writeString(dir.resolve("pred.txt"), "cat\npig\ndog\ncat\ncat\ndog\n");
    CommandRun table = CommandRun.of("score", "f1", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("         cat     0.6667     1.0000     0.8000          2")
        .contains("   macro avg     0.2222     0.3333     0.2667          6")
        .contains("   micro avg     0.3333     0.3333     0.3333          6");
    JsonNode json = new ObjectMapper().readTree(
        CommandRun.of("score", "f1", "--gold", gold.toString(), "--pred", pred.toString(), "--json").out());
    assertThat(json.at("/macro/f1").asDouble()).isEqualTo(4.0 / 15);
    assertThat(json.at("/labels/cat/precision").asDouble()).isEqualTo(2.0 / 3);
    assertThat(json.at("/confusion_matrix/rows_true_columns_predicted/0/0").asInt()).isEqualTo(2);
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    Path shortRef = Files.writeString(dir.resolve("short.txt"), "only one line\n");
    CommandRun misaligned = CommandRun.of("score", "bleu", "--hyp", hyp.toString(), "--ref", shortRef.toString());
    assertThat(misaligned.exitCode()).isEqualTo(2);
    assertThat(misaligned.err()).isEqualTo("seqpipe: " + shortRef + ":2: not aligned with " + hyp
        + ": 1 lines against 3" + System.lineSeparator());

    CommandRun missing = CommandRun.of("score", "bleu", "--hyp", dir.resolve("nope").toString(), "--ref", ref1.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("seqpipe: " + dir.resolve("nope") + ": no such file");

    CommandRun badTokenizer = CommandRun.of("score", "bleu", "--hyp", hyp.toString(), "--ref", ref1.toString(), "-tok", "14a");
    assertThat(badTokenizer.exitCode()).isEqualTo(2);
    assertThat(badTokenizer.err().strip()).isEqualTo("seqpipe: unknown BLEU tokenizer '14a'; available: 13a, intl, char, none");

    Path blank = Files.writeString(dir.resolve("blank.txt"), "cat\n\n");
    CommandRun emptyLabel = CommandRun.of("score", "f1", "--gold", blank.toString(), "--pred", blank.toString());
    assertThat(emptyLabel.err().strip()).isEqualTo("seqpipe: " + blank + ":2:1: expected a label, found an empty line");

    CommandRun usage = CommandRun.of("score", "bleu", "--hyp", hyp.toString());
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).startsWith("seqpipe: Missing required option: '--ref").endsWith("(see 'seqpipe score bleu --help')\n")
        .hasLineCount(1);
  }
}
