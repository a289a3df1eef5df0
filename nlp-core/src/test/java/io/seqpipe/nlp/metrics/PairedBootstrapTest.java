package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  private static final Bleu BLEU = Bleu.builder().build();
  private static final List<String> REFERENCES = new ArrayList<>();
  private static final List<String> GOOD = new ArrayList<>();
  private static final List<String> BAD = new ArrayList<>();

  static {
    String[] words = {"the", "cat", "sat", "on", "a", "mat", "dog", "ran", "far", "away", "quickly", "home"};
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      List<String> sentence = new ArrayList<>();
      for (int w = 0; w < 6 + random.nextInt(6); w++) {
        sentence.add(words[random.nextInt(words.length)]);
      }
      REFERENCES.add(String.join(" ", sentence));
      List<String> good = new ArrayList<>(sentence);
      good.set(random.nextInt(good.size()), "zebra"); // one word wrong
      GOOD.add(String.join(" ", good));
      List<String> bad = new ArrayList<>(sentence);
      for (int w = 0; w < bad.size(); w += 2) {
        bad.set(w, "zebra"); // every other word wrong
      }
      BAD.add(String.join(" ", bad));
    }
  }

  private static List<PairedBootstrap.Result> compare(List<String> baseline, List<String> system, long seed) {
    return PairedBootstrap.compare(REFERENCES.size(), List.of(PairedBootstrap.corpus(BLEU, baseline, List.of(REFERENCES)),
        PairedBootstrap.corpus(BLEU, system, List.of(REFERENCES))), 1000, seed);
  }

  @Test
  void identicalSystemsCannotBeToldApart() {
    List<PairedBootstrap.Result> results = compare(GOOD, List.copyOf(GOOD), 12345);
    assertThat(results.get(1).pValue()).isEqualTo(1.0);
    assertThat(results.get(1).score()).isEqualTo(results.get(0).score());
    assertThat(results.get(0).pValue()).isNaN();
  }

  @Test
  void aClearlyBetterSystemHasASmallPValue() {
    List<PairedBootstrap.Result> results = compare(BAD, GOOD, 12345);
    assertThat(results.get(1).score()).isGreaterThan(results.get(0).score() + 20);
    assertThat(results.get(1).pValue()).isLessThan(0.01);
  }

  @Test
  void scoresAreTheCorpusScoresAndTheirIntervalsContainThem() {
    List<PairedBootstrap.Result> results = compare(BAD, GOOD, 7);
    assertThat(results.get(0).score()).isCloseTo(BLEU.corpusScore(BAD, List.of(REFERENCES)).score(), within(1e-9));
    assertThat(results.get(1).score()).isCloseTo(BLEU.corpusScore(GOOD, List.of(REFERENCES)).score(), within(1e-9));
    for (PairedBootstrap.Result result : results) {
      assertThat(result.ci()).isPositive();
      assertThat(result.score()).isBetween(result.mean() - result.ci(), result.mean() + result.ci());
    }
  }

  @Test
  void theSameSeedGivesTheSameNumbersAndAnotherOtherNumbers() {
    assertThat(compare(BAD, GOOD, 1)).isEqualTo(compare(BAD, GOOD, 1));
    assertThat(compare(BAD, GOOD, 1).get(1).ci()).isNotEqualTo(compare(BAD, GOOD, 2).get(1).ci());
  }

  @Test
  void chrFStatisticsAddUpToTheCorpusScore() {
    ChrF chrF = ChrF.builder().build();
    long[][] rows = chrF.statistics(GOOD, List.of(REFERENCES));
    int[] all = new int[rows.length];
    java.util.Arrays.setAll(all, i -> i);
    assertThat(chrF.score(CorpusStatistics.sum(rows, all)))
        .isCloseTo(chrF.corpusScore(GOOD, List.of(REFERENCES)).score(), within(1e-12));
  }
}
