package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from ../shared/golden/bleu.md and sacrebleu's own test suite. */
class BleuTest {
  static final List<List<String>> REFS = List.of(
      List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
      List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));
  static final List<String> HYPS = List.of(
      "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

  @Test
  void defaultCorpusBleuMatchesGolden() {
    BleuScore score = Bleu.builder().build().corpusScore(HYPS, REFS);
    assertThat(score.score()).isCloseTo(48.530827, within(1e-6));
    assertThat(score.precisionString()).isEqualTo("82.4/50.0/45.5/37.5");
    assertThat(score.brevityPenalty()).isCloseTo(0.943, within(5e-4));
    assertThat(score.sysLen()).isEqualTo(17);
    assertThat(score.refLen()).isEqualTo(18);
    assertThat(score.signature()).isEqualTo("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3");
    assertThat(score.format(2)).isEqualTo("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3"
        + " = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)");
  }

  @ParameterizedTest
  @CsvSource({"none, 49.1919566", "13a, 48.530827", "intl, 43.91623493"})
  void tokenizersMatchGolden(String tokenizer, double expected) {
    Bleu bleu = Bleu.builder().tokenizer(BleuTokenizer.forName(tokenizer)).build();
    assertThat(bleu.corpusScore(HYPS, REFS).score()).isCloseTo(expected, within(1e-6));
  }

  @Test
  void noSmoothingGivesTheSameHereBecauseNoPrecisionIsZero() {
    Bleu bleu = Bleu.builder().smoothing(Smoothing.NONE).build();
    assertThat(bleu.corpusScore(HYPS, REFS).score()).isCloseTo(48.530827, within(1e-6));
  }

  @ParameterizedTest
  @CsvSource({"1, 77.65", "2, 60.50", "3, 53.93", "4, 48.53", "5, 46.14", "6, 43.28"})
  void maxOrderMatchesGolden(int order, String expected) {
    BleuScore score = Bleu.builder().maxOrder(order).build().corpusScore(HYPS, REFS);
    assertThat(PythonText.fixed(score.score(), 2)).isEqualTo(expected);
  }

  @Test
  void emptyHypothesesScoreZero() {
    BleuScore score = Bleu.builder().build().corpusScore(List.of("", "", ""), REFS);
    assertThat(score.score()).isEqualTo(0.0);
  }

  @Test
  void scoreFromSufficientStatistics() {
    BleuScore score = Bleu.builder().build()
        .fromStatistics(new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11);
    assertThat(score.score() / 100).isCloseTo(0.8375922397, within(1e-10));
  }

  /** sacrebleu's raw_corpus_bleu: floor smoothing 0.01, no tokenization, effective order. */
  private static Bleu raw(double floor) {
    return Bleu.builder().tokenizer(BleuTokenizer.NONE).smoothing(Smoothing.FLOOR).smoothValue(floor)
        .effectiveOrder(true).build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "this is a test | this is a test | 1.0",
      "this is a fest | this is a test | 0.223606797749979",
      "test | a test | 0.3678794411714425",
      "a test | a test | 1.0",
      "a little test | a test | 0.03218297948685433"})
  void rawCorpusBleuWithEffectiveOrder(String hyp, String ref, double expected) {
    assertThat(raw(0.01).corpusScore(List.of(hyp), List.of(List.of(ref))).score() / 100)
        .isCloseTo(expected, within(1e-8));
  }

  @Test
  void noMatchAtAllIsZeroEvenWithSmoothing() {
    BleuScore score = raw(0.01).corpusScore(List.of("this is a test", "another test"),
        List.of(List.of("ref1", "ref2")));
    assertThat(score.score()).isEqualTo(0.0);
  }

  @Test
  void statisticsAndFloorDefault() {
    List<String> hyp = List.of("am I am a character sequence");
    List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
    BleuScore score = raw(Double.NaN).corpusScore(hyp, ref);
    assertThat(score.correct()).containsExactly(4, 2, 1, 0);
    assertThat(score.total()).containsExactly(6, 5, 4, 3);
    assertThat(score.score() / 100).isCloseTo(0.1555722182, within(1e-8));
    assertThat(raw(0.0).corpusScore(hyp, ref).score()).isEqualTo(0.0);
    assertThat(raw(Double.NaN).signature("1")).contains("|smooth:floor[0.10]|");
  }

  @Test
  void addKSmoothingAddsToHigherOrders() {
    // correct [3,0], total [3,2]; add-1 on order 2: p1 = 3/3, p2 = 1/3; sys = ref = 3
    Bleu bleu = Bleu.builder().smoothing(Smoothing.ADD_K).maxOrder(2).tokenizer(BleuTokenizer.NONE).build();
    BleuScore score = bleu.corpusScore(List.of("a b c"), List.of(List.of("a c b")));
    assertThat(score.score()).isCloseTo(100 * Math.sqrt(1.0 / 3), within(1e-9));
  }

  @Test
  void lowercaseAndVariableReferenceCount() {
    Bleu bleu = Bleu.builder().lowercase(true).build();
    BleuScore score = bleu.corpusScore(List.of("THE CAT SAT DOWN", "a dog ran off"),
        List.of(List.of("the cat sat down", "a dog ran off"), List.of("", "one dog")));
    assertThat(score.score()).isCloseTo(100.0, within(1e-9));
    assertThat(score.signature()).startsWith("nrefs:var|case:lc|");
  }

  @Test
  void segmentWithoutReferenceIsRefused() {
    assertThatThrownBy(() -> Bleu.builder().build().corpusScore(List.of("x"), List.of(List.of(""))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment 1");
  }

  @Test
  void misalignedStreamsAreRefused() {
    assertThatThrownBy(() -> Bleu.builder().build().corpusScore(List.of("x", "y"), List.of(List.of("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 segments");
  }

  @Test
  void sentenceScoreUsesTheGivenReferences() {
    Bleu bleu = Bleu.builder().effectiveOrder(true).build();
    BleuScore score = bleu.sentenceScore("The dog bit the man.", List.of("The dog bit the man."));
    assertThat(score.score()).isCloseTo(100.0, within(1e-9));
    assertThat(score.signature()).contains("eff:yes");
  }
}
