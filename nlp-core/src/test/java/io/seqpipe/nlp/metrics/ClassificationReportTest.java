package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

  /** ../shared/golden/f1.md (scikit-learn). */
  @Test
  void goldenThreeClassCase() {
    ClassificationReport report = ClassificationReport.of(
        List.of("cat", "dog", "pig", "cat", "dog", "pig"),
        List.of("cat", "pig", "dog", "cat", "cat", "dog"));
    assertThat(report.macro().precision()).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(report.macro().recall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.macro().f1()).isCloseTo(4.0 / 15, within(1e-12));
    assertThat(report.micro().precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.micro().recall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.micro().f1()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.weighted().f1()).isCloseTo(report.macro().f1(), within(1e-12));
    assertThat(report.perLabel()).extracting(LabelScores::label).containsExactly("cat", "dog", "pig");
    LabelScores cat = report.perLabel().get(0);
    assertThat(cat.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(cat.recall()).isEqualTo(1.0);
    assertThat(cat.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(cat.support()).isEqualTo(2);
    assertThat(report.perLabel().get(1).f1()).isEqualTo(0.0);
    assertThat(report.accuracy()).isCloseTo(1.0 / 3, within(1e-12));
  }

  /** Hand-computed: unequal supports and a label that is never predicted (zero_division = 0). */
  @Test
  void weightedAverageAndZeroDivision() {
    // gold a a a b, pred a a b a; labels a (support 3), b (1), c (gold 0, predicted 0): only a, b exist
    ClassificationReport report = ClassificationReport.of(List.of("a", "a", "a", "b", "c"),
        List.of("a", "a", "b", "a", "b"));
    // a: tp 2, pred 3, sup 3 -> P 2/3 R 2/3 F 2/3; b: tp 0, pred 2, sup 1 -> 0; c: tp 0, pred 0, sup 1 -> 0
    assertThat(report.perLabel().get(2).precision()).isEqualTo(0.0);
    assertThat(report.macro().f1()).isCloseTo((2.0 / 3) / 3, within(1e-12));
    assertThat(report.weighted().f1()).isCloseTo((2.0 / 3 * 3) / 5, within(1e-12));
    assertThat(report.micro().f1()).isCloseTo(2.0 / 5, within(1e-12));
    assertThat(report.accuracy()).isCloseTo(2.0 / 5, within(1e-12));
    assertThat(report.confusionMatrix().count("c", "b")).isEqualTo(1);
    assertThat(report.confusionMatrix().count("a", "b")).isEqualTo(1);
    assertThat(report.confusionMatrix().total()).isEqualTo(5);
  }

  @Test
  void formatLooksLikeSklearn() {
    ClassificationReport report = ClassificationReport.of(List.of("x", "y"), List.of("x", "x"));
    assertThat(report.format()).contains("precision", "macro avg", "weighted avg")
        .contains("           x     0.5000     1.0000     0.6667          1");
  }
}
