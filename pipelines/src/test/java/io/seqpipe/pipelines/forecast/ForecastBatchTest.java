package io.seqpipe.pipelines.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.nlp.series.CalendarFeature;
import io.seqpipe.nlp.series.Scaler;
import io.seqpipe.nlp.series.SeriesColumns;
import io.seqpipe.nlp.series.TimeFormat;
import io.seqpipe.nlp.series.TimeSeries;
import io.seqpipe.nlp.series.TimeStep;
import io.seqpipe.nlp.series.WindowFeatures;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows stepped forward for the autoregressive head: exact on a hand-made series. */
class ForecastBatchTest {
  @Test
  void aStepDropsTheFirstRowAndAppendsTheForecastWithTheLastCovariatesAndItsCalendar() {
    List<LocalDateTime> times = new ArrayList<>();
    double[][] values = new double[6][];
    for (int i = 0; i < 6; i++) {
      times.add(LocalDateTime.parse("2015-01-05T00:00").plusDays(i)); // Monday on
      values[i] = new double[] {i, 100 + i};
    }
    TimeSeries series = new TimeSeries("hand", TimeFormat.DATE, new TimeStep(0, 86_400), times,
        new SeriesColumns("date", List.of("y"), List.of("x"), SeriesColumns.MissingValues.ERROR), values,
        new long[] {2, 3, 4, 5, 6, 7});
    WindowFeatures features = new WindowFeatures(new Scaler("none", new double[2], new double[] {1, 1}),
        List.of(CalendarFeature.DAY_OF_WEEK), 1);
    ForecastBatch batch = ForecastBatch.of(series, new int[] {3}, features, 2, 1, false);
    // rows 1 and 2 (Tuesday, Wednesday); the step ahead is row 3, a Thursday
    assertThat(batch.history()).containsExactly(1, 101, 0, 1, 0, 0, 0, 0, 0, 2, 102, 0, 0, 1, 0, 0, 0, 0);
    assertThat(batch.future()).containsExactly(0, 0, 0, 1, 0, 0, 0);
    float[] friday = {0, 0, 0, 0, 1, 0, 0};
    ForecastBatch next = batch.step(new float[] {7.5f}, friday);
    assertThat(next.history()).containsExactly(2, 102, 0, 0, 1, 0, 0, 0, 0, 7.5f, 102, 0, 0, 0, 1, 0, 0, 0);
    assertThat(next.future()).containsExactly(friday);
  }
}
