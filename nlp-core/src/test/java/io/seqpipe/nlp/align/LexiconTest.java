package io.seqpipe.nlp.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IBM Model 1 word-translation tables against hand-computed iterations, and their file format. */
class LexiconTest {
  private static final Pattern WORD_PUNCT = Pattern.compile("(?U)\\w+|[^\\w\\s]+");
  private static final List<List<String>> GERMAN = List.of(List.of("das", "Haus"), List.of("das"));
  private static final List<List<String>> ENGLISH = List.of(List.of("the", "zoo"), List.of("the"));

  @TempDir Path dir;

  /**
   * Worked by hand from uniform t: after one round t(the | das) = 5/7 and t(zoo | das) = 2/7, while "Haus" splits
   * its counts evenly, t(the | Haus) = t(zoo | Haus) = 1/2, a tie that goes to the target sorting first ("the");
   * the second round explains "the" by "das" and NULL (t(the | NULL) = 5/7), so "Haus" keeps 7/15 of "zoo"'s count
   * and 7/27 of "the"'s: t(zoo | Haus) = 9/14 against 5/14.
   */
  @Test
  void learnsTheHandComputedTableAndBreaksTiesByTargetOrder() {
    Lexicon first = new LexiconLearner(1).learn(GERMAN, ENGLISH);
    assertThat(first.translate("das")).isEqualTo("the");
    assertThat(first.translate("Haus")).isEqualTo("the");
    Lexicon second = new LexiconLearner(2).learn(GERMAN, ENGLISH);
    assertThat(second.translate("das")).isEqualTo("the");
    assertThat(second.translate("Haus")).isEqualTo("zoo");
    assertThat(second.size()).isEqualTo(2);
  }

  @Test
  void translatesUnknownTokensToThemselves() {
    Lexicon lexicon = new LexiconLearner(5).learn(GERMAN, ENGLISH);
    assertThat(lexicon.translate("Warhol")).isEqualTo("Warhol");
    assertThat(Lexicon.EMPTY.translate("Haus")).isEqualTo("Haus");
    assertThat(new LexiconLearner(5).learn(List.of(), List.of())).isEqualTo(Lexicon.EMPTY);
    assertThat(new LexiconLearner(5).learn(List.of(List.of("Haus")), List.of(List.of())).size()).isZero();
  }

  /** Everyday words of the Ding corpus translate as a dictionary would, identically on every run. */
  @Test
  void learnsDictionaryTranslationsFromRealText() throws Exception {
    List<String> german = Files.readAllLines(SharedData.path("data/translation/ding-de-en/train.de")).subList(0, 4000);
    List<String> english = Files.readAllLines(SharedData.path("data/translation/ding-de-en/train.en")).subList(0, 4000);
    Lexicon lexicon = new LexiconLearner(5).learn(tokens(german), tokens(english));
    assertThat(Map.of("Haus", lexicon.translate("Haus"), "Hund", lexicon.translate("Hund"), "Wasser",
        lexicon.translate("Wasser"), "Buch", lexicon.translate("Buch")))
        .isEqualTo(Map.of("Haus", "house", "Hund", "dog", "Wasser", "water", "Buch", "book"));
    assertThat(new LexiconLearner(5).learn(tokens(german), tokens(english))).isEqualTo(lexicon);
  }

  @Test
  void refusesPairsOfListsThatDifferInLength() {
    assertThatThrownBy(() -> new LexiconLearner(5).learn(GERMAN, ENGLISH.subList(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 source sentences but 1 targets");
    assertThatThrownBy(() -> new LexiconLearner(0)).hasMessage("iterations must be >= 1, got 0");
  }

  @Test
  void writesAndReadsTheTableWithEscapedTokens() throws Exception {
    Lexicon lexicon = new Lexicon(Map.of("Haus", "house", "a\tb", "c\\d", "e\nf", "g"));
    Path file = dir.resolve("lexicon.tsv");
    Files.writeString(file, lexicon.text());
    assertThat(Files.readAllLines(file)).containsExactly("Haus\thouse", "a\\tb\tc\\\\d", "e\\nf\tg");
    assertThat(Lexicon.read(file)).isEqualTo(lexicon);
    assertThat(Lexicon.read(file).translate("a\tb")).isEqualTo("c\\d");
  }

  @Test
  void refusesMalformedLinesWithTheirPosition() throws Exception {
    Path file = dir.resolve("lexicon.tsv");
    Files.writeString(file, "Haus\thouse\nBuch book\n");
    assertThatThrownBy(() -> Lexicon.read(file)).isInstanceOf(InputFormatException.class)
        .hasMessage(file + ":2:1: expected a source token and its translation separated by one tab");
    Files.writeString(file, "Haus\thouse\nHaus\thome\n");
    assertThatThrownBy(() -> Lexicon.read(file)).isInstanceOf(InputFormatException.class)
        .hasMessage(file + ":2:1: expected each source token once, found 'Haus' again");
    Files.writeString(file, "Haus\thouse\textra\n");
    assertThatThrownBy(() -> Lexicon.read(file)).hasMessageStartingWith(file + ":1:1: expected");
  }

  /** Words and runs of punctuation, as the {@code wordpunct} analyzer cuts them. */
  private static List<List<String>> tokens(List<String> lines) {
    return lines.stream().map(line -> WORD_PUNCT.matcher(line).results().map(MatchResult::group).toList()).toList();
  }
}
