package io.seqpipe.nlp.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.nlp.series.SeriesColumns.MissingValues;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows, scaling and features exact on a hand-made series; nothing after the origin reaches the input. */
class WindowsTest {
  /** 2015-01-05 is a Monday; y = 1..n, x = 10 * y. */
  private static TimeSeries series(double... y) {
    List<LocalDateTime> times = new ArrayList<>();
    double[][] values = new double[y.length][];
    long[] lines = new long[y.length];
    for (int i = 0; i < y.length; i++) {
      times.add(LocalDateTime.parse("2015-01-05T00:00").plusDays(i));
      values[i] = new double[] {y[i], 10 * y[i]};
      lines[i] = i + 2;
    }
    return new TimeSeries("hand.csv", TimeFormat.DATE, new TimeStep(0, 86_400), times,
        new SeriesColumns("date", List.of("y"), List.of("x"), MissingValues.ERROR), values, lines);
  }

  @Test
  void originsOfEachSplitForecastOnlyItsOwnRows() {
    Windows windows = new Windows(3, 2, 2);
    assertThat(windows.trainingOrigins(10)).containsExactly(3, 5, 7);
    assertThat(windows.evaluationOrigins(10, 14)).containsExactly(10, 11, 12); // history from train's end
    assertThat(windows.evaluationOrigins(14, 15)).isEmpty();                    // shorter than the horizon
  }

  @Test
  void scalersAreExact() {
    double[][] rows = {{1, 10}, {2, 10}, {3, 10}, {6, 10}};
    Scaler standard = Scaler.fit("standard", rows);
    assertThat(standard.shift()).containsExactly(3, 10);
    assertThat(standard.scale()).containsExactly(Math.sqrt(3.5), 1); // population sd; a constant column keeps 1
    assertThat(standard.scale(0, 6)).isEqualTo(3 / Math.sqrt(3.5));
    assertThat(standard.unscale(0, standard.scale(0, 4.25))).isEqualTo(4.25);
    Scaler minmax = Scaler.fit("minmax", rows);
    assertThat(minmax.scale(0, 1)).isEqualTo(0);
    assertThat(minmax.scale(0, 6)).isEqualTo(1);
    assertThat(minmax.scale(0, 2)).isEqualTo(0.2);
    assertThat(Scaler.fit("none", rows).scale(0, 6)).isEqualTo(6);
  }

  @Test
  void historyFutureAndTargetsAreExact() {
    TimeSeries s = series(1, 2, 3, 4, 5, 6, 7, 8);
    Scaler scaler = Scaler.fit("minmax", new double[][] {{1, 10}, {5, 50}}); // y -> (y-1)/4, x -> (x-10)/40
    WindowFeatures features = new WindowFeatures(scaler, List.of(CalendarFeature.DAY_OF_WEEK), 1);
    assertThat(features.width()).isEqualTo(2 + 7);
    float[] history = features.history(s, 4, 2); // rows 2 and 3: Wednesday, Thursday
    assertThat(history).containsExactly(0.5f, 0.5f, 0, 0, 1, 0, 0, 0, 0, 0.75f, 0.75f, 0, 0, 0, 1, 0, 0, 0);
    float[] future = features.future(s, 4, 2); // rows 4 and 5: Friday, Saturday
    assertThat(future).containsExactly(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    assertThat(features.targets(s, 4, 2)).containsExactly(1f, 1.25f);
  }

  @Test
  void valuesAfterTheOriginNeverReachTheInputs() {
    TimeSeries s = series(1, 2, 3, 4, 5, 6, 7, 8);
    TimeSeries perturbed = series(1, 2, 3, 4, 500, -6, 70, 8e6);
    WindowFeatures features = new WindowFeatures(Scaler.fit("standard", s.values()),
        List.of(CalendarFeature.DAY_OF_WEEK, CalendarFeature.MONTH, CalendarFeature.HOLIDAY_US), 1);
    assertThat(features.history(perturbed, 4, 4)).containsExactly(features.history(s, 4, 4));
    assertThat(features.future(perturbed, 4, 3)).containsExactly(features.future(s, 4, 3));
    assertThat(Baselines.naive(perturbed, 4, 3, 0)).containsExactly(Baselines.naive(s, 4, 3, 0));
    assertThat(Baselines.seasonalNaive(perturbed, 4, 3, 0, 2)).containsExactly(Baselines.seasonalNaive(s, 4, 3, 0, 2));
  }

  @Test
  void baselinesRepeatTheLastValueAndTheLastSeason() {
    TimeSeries s = series(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(Baselines.naive(s, 5, 3, 0)).containsExactly(5, 5, 5);
    // season 2, origin 5: steps at rows 5, 6, 7 take rows 3, 4, 3
    assertThat(Baselines.seasonalNaive(s, 5, 3, 0, 2)).containsExactly(4, 5, 4);
    assertThat(Baselines.seasonalNaive(s, 5, 3, 1, 3)).containsExactly(30, 40, 50);
  }
}
