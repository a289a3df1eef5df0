package io.seqpipe.nlp.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

  @Test
  void reservedFirstThenByFrequencyThenAlphabetically() {
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("b", "a", "c", "a", "b", "a", "d")).build();
    assertThat(vocab.tokens()).containsExactly("<pad>", "<unk>", "<s>", "</s>", "a", "b", "c", "d");
    assertThat(vocab.id("a")).isEqualTo(4);
    assertThat(vocab.id("zebra")).isEqualTo(Vocabulary.UNK_ID);
  }

  @Test
  void minFrequencyAndMaxSize() {
    VocabularyBuilder builder = Vocabulary.builder().addAll(List.of("a", "a", "a", "b", "b", "c"));
    assertThat(builder.minFrequency(2).build().tokens()).endsWith("a", "b").hasSize(6);
    assertThat(builder.minFrequency(1).maxSize(5).build().tokens()).endsWith("</s>", "a").hasSize(5);
    assertThatThrownBy(() -> builder.maxSize(3)).hasMessageContaining("reserved");
  }

  @Test
  void reservedTokensInTheDataAreNotDuplicated() {
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("<unk>", "x")).build();
    assertThat(vocab.tokens()).containsExactly("<pad>", "<unk>", "<s>", "</s>", "x");
  }

  @Test
  void encodeAndDecode() {
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("hello", "world")).build();
    int[] ids = vocab.encodeWithBoundaries(List.of("hello", "there", "world"));
    assertThat(ids).containsExactly(Vocabulary.BOS_ID, vocab.id("hello"), Vocabulary.UNK_ID, vocab.id("world"),
        Vocabulary.EOS_ID);
    assertThat(vocab.decode(new int[] {Vocabulary.BOS_ID, vocab.id("world"), Vocabulary.EOS_ID, vocab.id("hello")}))
        .containsExactly("world");
  }

  @Test
  void saveLoadRoundTripWithAwkwardTokens(@TempDir Path dir) throws Exception {
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("plain", "tab\there", "new\nline", "back\\slash", "ünï")).build();
    Path file = dir.resolve("vocab.txt");
    vocab.save(file);
    assertThat(Vocabulary.load(file)).isEqualTo(vocab);
    assertThat(Files.readAllLines(file)).hasSize(vocab.size()).contains("tab\\there", "back\\\\slash");
    assertThat(dir.toFile().list()).containsExactly("vocab.txt");
  }

  @Test
  void loadRefusesDuplicatesAndMissingReservedTokens(@TempDir Path dir) throws Exception {
    Path duplicate = dir.resolve("dup.txt");
    Files.writeString(duplicate, "<pad>\n<unk>\n<s>\n</s>\nx\ny\nx\n");
    assertThatThrownBy(() -> Vocabulary.load(duplicate)).isInstanceOf(InputFormatException.class)
        .hasMessage(duplicate + ":7:1: duplicate token 'x' (first on line 5)");
    Path noReserved = dir.resolve("bad.txt");
    Files.writeString(noReserved, "<pad>\nx\n");
    assertThatThrownBy(() -> Vocabulary.load(noReserved))
        .hasMessage(noReserved + ":2:1: expected reserved token <unk>, found 'x'");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> Vocabulary.load(empty)).hasMessageStartingWith(empty + ":1:1: expected the reserved tokens");
  }
}
