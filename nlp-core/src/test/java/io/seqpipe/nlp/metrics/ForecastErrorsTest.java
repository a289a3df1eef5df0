package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forecast metrics against values worked out by hand. */
class ForecastErrorsTest {
  @Test
  void overallAndPerStepAsComputedByHand() {
    double[][] actual = {{10, 20}, {0, 40}};
    double[][] forecast = {{12, 17}, {1, 40}};
    ForecastErrors errors = ForecastErrors.of(actual, forecast, new double[] {2, 2});
    ForecastScores all = errors.overall();
    // errors 2, -3, 1, 0
    assertThat(all.mae()).isEqualTo(1.5);
    assertThat(all.rmse()).isCloseTo(Math.sqrt(14 / 4.0), within(1e-12));
    assertThat(all.mape()).isCloseTo(100 * (0.2 + 0.15 + 0) / 3, within(1e-12)); // the actual 0 is left out
    assertThat(all.smape()).isCloseTo(100 * (4 / 22.0 + 6 / 37.0 + 2 / 1.0 + 0) / 4, within(1e-12));
    assertThat(all.mase()).isEqualTo(0.75);
    ForecastScores step1 = errors.byHorizon().get(0);
    assertThat(step1.mae()).isEqualTo(1.5);
    assertThat(step1.mape()).isCloseTo(20, within(1e-12));
    ForecastScores step2 = errors.byHorizon().get(1);
    assertThat(step2.mae()).isEqualTo(1.5);
    assertThat(step2.rmse()).isCloseTo(Math.sqrt(4.5), within(1e-12));
    assertThat(step2.get("mase")).isEqualTo(0.75);
  }

  @Test
  void maseScaleIsTheInSampleSeasonalNaiveError() {
    double[] train = {1, 2, 4, 2, 3, 6};
    // season 3: |2-1| + |3-2| + |6-4| = 4 over 3 values
    assertThat(ForecastErrors.seasonalScale(train, 3)).isCloseTo(4 / 3.0, within(1e-12));
    // season 1: 1 + 2 + 2 + 1 + 3 = 9 over 5
    assertThat(ForecastErrors.seasonalScale(train, 1)).isCloseTo(1.8, within(1e-12));
    assertThat(ForecastErrors.seasonalScale(new double[] {5, 5, 5}, 1)).isEqualTo(1);
  }
}
