package io.seqpipe.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LengthPenaltyTest {

  @Test
  void gnmtFormula() {
    LengthPenalty penalty = new LengthPenalty(0.6);
    assertThat(penalty.divisor(1)).isEqualTo(1.0);
    assertThat(penalty.divisor(7)).isCloseTo(Math.pow(2.0, 0.6), within(1e-12));
    assertThat(penalty.normalize(-3.0, 7)).isCloseTo(-3.0 / Math.pow(2.0, 0.6), within(1e-12));
  }

  @Test
  void penaltyNarrowsTheGapBetweenShortAndLongOutputs() {
    // per-token log-probability -1 for an output of 3 and one of 9 tokens
    double plainGap = LengthPenalty.NONE.normalize(-3, 3) - LengthPenalty.NONE.normalize(-9, 9);
    LengthPenalty penalty = new LengthPenalty(1.0);
    double penalizedGap = penalty.normalize(-3, 3) - penalty.normalize(-9, 9);
    assertThat(plainGap).isEqualTo(6.0);
    assertThat(penalizedGap).isCloseTo(-3 / (8.0 / 6) + 9 / (14.0 / 6), within(1e-12)).isLessThan(plainGap / 3);
  }

  @Test
  void alphaMustBeNonNegative() {
    assertThatThrownBy(() -> new LengthPenalty(-0.1)).hasMessage("length penalty alpha must be >= 0, got -0.1");
  }
}
