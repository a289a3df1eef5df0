package io.seqpipe.models.subword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Models trained by spm_train segment as spm_encode does (test data and how it was made: resources/sentencepiece). */
class SentencePieceTest {
  private static final Path DATA = Path.of("src/test/resources/sentencepiece");

  @ParameterizedTest
  @ValueSource(strings = {"unigram", "bpe"})
  void splitsEverySentenceIntoTheSamePiecesAsSpmEncode(String type) throws Exception {
    SentencePiece spm = SentencePiece.read(DATA.resolve("bible-" + type + ".model"));
    List<String> sentences = Files.readAllLines(DATA.resolve("sentences.txt"));
    List<String> expected = Files.readAllLines(DATA.resolve("sentences." + type + ".pieces"));
    assertThat(sentences).hasSize(302).hasSameSizeAs(expected);
    for (int i = 0; i < sentences.size(); i++) {
      assertThat(spm.split(tokens(sentences.get(i)))).as("line %d", i + 1).isEqualTo(pieces(expected.get(i)));
    }
  }

  @Test
  void joinGivesTheTokensBackWhereTheModelDoesNotNormalize() throws Exception {
    SentencePiece spm = SentencePiece.read(DATA.resolve("bible-bpe.model"));
    for (String sentence : Files.readAllLines(DATA.resolve("sentences.txt"))) {
      List<String> tokens = tokens(sentence);
      assertThat(spm.join(spm.split(tokens))).isEqualTo(tokens);
    }
  }

  @Test
  void joinKeepsUnknownPiecesAndNormalizedText() throws Exception {
    SentencePiece spm = SentencePiece.read(DATA.resolve("bible-unigram.model"));
    List<String> pieces = spm.split(List.of("el", "漢字", "ﬁn"));
    assertThat(pieces).contains("漢字");
    assertThat(spm.join(pieces)).containsExactly("el", "漢字", "fin");
    assertThat(spm.join(List.of("▁la", "<unk>", "▁tierra", "▁"))).containsExactly("la<unk>", "tierra");
    assertThat(spm.split(List.of())).isEmpty();
  }

  @Test
  void splitsConcurrentlyAsItDoesAlone() throws Exception {
    SentencePiece spm = SentencePiece.read(DATA.resolve("bible-unigram.model"));
    List<List<String>> sentences = Files.readAllLines(DATA.resolve("sentences.txt")).stream().map(SentencePieceTest::tokens)
        .toList();
    List<List<String>> alone = sentences.stream().map(spm::split).toList();
    for (int round = 0; round < 5; round++) {
      assertThat(sentences.parallelStream().map(spm::split).toList()).isEqualTo(alone);
    }
  }

  @Test
  void aFileThatIsNoModelIsReportedByName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("spm.model"), "not a model\n");
    assertThatThrownBy(() -> SentencePiece.read(file)).isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(file.toString()).hasMessageContaining("expected a SentencePiece model");
  }

  @Test
  void carriesTheModelItRead() throws Exception {
    Path file = DATA.resolve("bible-bpe.model");
    assertThat(SentencePiece.read(file).model()).isEqualTo(Files.readAllBytes(file));
  }

  private static List<String> tokens(String line) {
    return Arrays.stream(line.strip().split(" +")).filter(t -> !t.isEmpty()).toList();
  }

  private static List<String> pieces(String line) {
    return line.isEmpty() ? List.of() : List.of(line.split(" "));
  }
}
