package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from sacrebleu's test suite (beta 3 there), and hand-computed ones. */
class ChrFTest {

  private static double score(ChrF chrf, String hyps, String refs) {
    // an empty CSV field arrives as null: the empty hypothesis
    String hyp = hyps == null ? "" : hyps;
    return chrf.corpusScore(List.of(hyp.split("/", -1)), List.of(List.of(refs.split("/", -1)))).score();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abcdefg|hijklmnop|0.0",
      "a|b|0.0",
      "|b|0.0",
      "aa|ab|8.3333",
      "a/b|a/c|8.3333",
      "a|a|16.6667",
      "a b c|a b c|50.0",
      "a b c|abc|50.0",
      "' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'"
          + "|risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .|63.361730",
      "' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '"
          + "|Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.|64.1302698"})
  void epsilonSmoothingBeta3(String hyp, String ref, double expected) {
    ChrF chrf = ChrF.builder().beta(3).epsSmoothing(true).build();
    assertThat(score(chrf, hyp, ref)).isCloseTo(expected, within(1e-4));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a|a|100.0", "|reference|0.0", "a b c|a b c|100.0", "a b c|abc|100.0", "|c|0.0", "a/b|a/c|50.0", "aa|ab|25.0"})
  void effectiveOrderBeta3(String hyp, String ref, double expected) {
    assertThat(score(ChrF.builder().beta(3).build(), hyp, ref)).isCloseTo(expected, within(1e-4));
  }

  @Test
  void keepWhitespace() {
    ChrF chrf = ChrF.builder().beta(3).whitespace(true).build();
    assertThat(score(chrf, "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.",
        "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."))
        .isCloseTo(67.3481606, within(1e-4));
  }

  @Test
  void sentenceLevelWithEpsilonSmoothing() {
    ChrF chrf = ChrF.builder().epsSmoothing(true).build();
    assertThat(chrf.sentenceScore("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
        List.of("Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.")).score())
        .isCloseTo(39.14078509, within(1e-4));
    assertThat(chrf.sentenceScore("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
        List.of("Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.")).score())
        .isCloseTo(57.15704367, within(1e-4));
  }

  @Test
  void handComputedDefaultChrF2() {
    // orders 1..3 present: P = 1, 1, 1; R = 3/4, 2/3, 1/2 -> avg P 1, avg R 23/36
    double r = (0.75 + 2.0 / 3 + 0.5) / 3;
    double expected = 100 * 5 * r / (4 + r);
    ChrFScore score = ChrF.builder().build().corpusScore(List.of("abc"), List.of(List.of("abcd")));
    assertThat(score.score()).isCloseTo(expected, within(1e-9));
    assertThat(score.format(3)).isEqualTo(
        "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.4.3 = " + PythonText.fixed(expected, 3));
  }

  @Test
  void bestReferenceIsChosenPerSegment() {
    ChrFScore score = ChrF.builder().build()
        .corpusScore(List.of("abc"), List.of(List.of("xyz"), List.of("abc")));
    assertThat(score.score()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void chrFPlusPlusNamesItselfAndCountsWords() {
    ChrFScore score = ChrF.builder().wordOrder(2).build()
        .corpusScore(List.of("the cat sat."), List.of(List.of("the cat sat.")));
    assertThat(score.name()).isEqualTo("chrF2++");
    assertThat(score.score()).isCloseTo(100.0, within(1e-9));
    assertThat(score.signature()).contains("|nw:2|");
  }
}
