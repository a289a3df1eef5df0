package io.seqpipe.nlp.subword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BPE learning and application against hand-computed merges and against subword-nmt's output. */
class BpeTest {
  private static final Path RESOURCES = Path.of("src/test/resources/bpe");

  /**
   * Sennrich et al.'s example, worked by hand: pair counts over {low: 5, lower: 2, newest: 6, widest: 3},
   * ties to the larger pair (s t</w> and e s both occur 9 times: 's' > 'e').
   */
  @Test
  void learnsTheHandComputedMergesOfTheClassicExample() {
    BpeCodes codes = new BpeLearner(100, 2).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L));
    assertThat(codes.merges()).extracting(pair -> pair[0] + " " + pair[1]).containsExactly(
        "s t</w>", "e st</w>", "l o", "w est</w>", "n e", "ne west</w>", "lo w</w>", "w i", "wi d", "wid est</w>",
        "w e", "we r</w>", "lo wer</w>");
    assertThat(new BpeLearner(3, 2).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L)).size()).isEqualTo(3);
    assertThat(new BpeLearner(100, 7).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L)).merges())
        .extracting(pair -> pair[0] + " " + pair[1]).containsExactly("s t</w>", "e st</w>", "l o");
  }

  @Test
  void appliesMergesInTableOrder() {
    Bpe bpe = new Bpe(new BpeLearner(100, 2).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L)));
    // as subword-nmt's apply_bpe segments them with this table
    assertThat(bpe.split(List.of("lowest", "newer", "a", "wider"))).containsExactly("lo@@", "west", "ne@@", "wer", "a",
        "wid@@", "e@@", "r");
    assertThat(bpe.join(bpe.split(List.of("lowest", "newer", "a", "wider")))).containsExactly("lowest", "newer", "a",
        "wider");
  }

  /** The merge table and segmentations subword-nmt 0.3.8 gives for the first 2,000 verses of the Spanish Bible. */
  @Test
  void reproducesSubwordNmtOnRealText() throws Exception {
    List<String> lines = Files.readAllLines(SharedData.path("data/translation/bible-es-en/train.es")).subList(0, 2000);
    BpeCodes learned = new BpeLearner(800, 2).learn(BpeLearner.vocabulary(lines));
    assertThat(learned.text()).isEqualTo(Files.readString(RESOURCES.resolve("bible-2000.es.codes")));
    Bpe bpe = new Bpe(BpeCodes.read(RESOURCES.resolve("bible-2000.es.codes")));
    List<String> expected = Files.readAllLines(RESOURCES.resolve("bible-200.es.bpe"));
    for (int i = 0; i < expected.size(); i++) {
      List<String> tokens = Arrays.stream(lines.get(i).strip().split(" ")).filter(t -> !t.isEmpty()).toList();
      assertThat(String.join(" ", bpe.split(tokens))).as("line %d", i + 1).isEqualTo(expected.get(i).strip());
    }
    for (String line : lines) {
      List<String> tokens = Arrays.stream(line.strip().split(" ")).filter(t -> !t.isEmpty()).toList();
      assertThat(bpe.join(bpe.split(tokens))).isEqualTo(tokens);
    }
  }

  @Test
  void tablesRoundTripThroughTheirFilesAndBadLinesAreLocated(@TempDir Path dir) throws Exception {
    BpeCodes codes = new BpeLearner(100, 2).learn(Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L));
    codes.write(dir.resolve("codes"));
    assertThat(BpeCodes.read(dir.resolve("codes")).text()).isEqualTo(codes.text());
    Files.writeString(dir.resolve("bad"), "#version: 0.2\nl o\nthree symbols here\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> BpeCodes.read(dir.resolve("bad"))).isInstanceOf(InputFormatException.class)
        .hasMessage(dir.resolve("bad") + ":3:1: expected a merge: two symbols separated by one space");
  }
}
