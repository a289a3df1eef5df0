package io.seqpipe.nlp.series;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A window's numbers as a model reads them: per history row the scaled targets and covariates followed
 * by the row's calendar features; the calendar features of the rows forecast (known in advance, derived
 * from time alone); and the scaled targets forecast. Nothing at or after the origin is read except
 * through {@link #targets}, which the model never sees as input.
 *
 * <pre>{@code
 * WindowFeatures features = new WindowFeatures(scaler, List.of(CalendarFeature.DAY_OF_WEEK), 1);
 * float[] history = features.history(series, origin, 28);     // [28 * features.width()]
 * float[] future = features.future(series, origin, 7);        // [7 * features.calendarWidth()]
 * float[] targets = features.targets(series, origin, 7);      // [7 * targets]
 * }</pre>
 *
 * @param scaler fitted on the training rows
 * @param calendar the calendar features, in order
 * @param targets how many of the series' leading columns are targets
 */
public record WindowFeatures(Scaler scaler, List<CalendarFeature> calendar, int targets) {

  public WindowFeatures {
    calendar = List.copyOf(calendar);
  }

  /** Numbers per history row: every value column and the calendar features. */
  public int width() {
    return scaler.shift().length + calendarWidth();
  }

  /** Numbers per forecast row: the calendar features. */
  public int calendarWidth() {
    return CalendarFeature.width(calendar);
  }

  /** The {@code input} rows before {@code origin}, row after row. */
  public float[] history(TimeSeries series, int origin, int input) {
    int width = width();
    int columns = scaler.shift().length;
    float[] out = new float[input * width];
    double[] calendarValues = new double[calendarWidth()];
    for (int i = 0; i < input; i++) {
      int row = origin - input + i;
      for (int c = 0; c < columns; c++) {
        out[i * width + c] = (float) scaler.scale(c, series.value(row, c));
      }
      Arrays.fill(calendarValues, 0);
      CalendarFeature.write(calendar, series.times().get(row), calendarValues, 0);
      for (int c = 0; c < calendarValues.length; c++) {
        out[i * width + columns + c] = (float) calendarValues[c];
      }
    }
    return out;
  }

  /**
   * The calendar features of the {@code horizon} rows from {@code origin} on, their times stepped from
   * the last history row (so that the rows need not exist: a forecast past the series' end).
   */
  public float[] future(TimeSeries series, int origin, int horizon) {
    int width = calendarWidth();
    float[] out = new float[horizon * width];
    double[] values = new double[width];
    LocalDateTime time = series.times().get(origin - 1);
    for (int h = 0; h < horizon; h++) {
      time = series.step().next(time);
      Arrays.fill(values, 0);
      CalendarFeature.write(calendar, time, values, 0);
      for (int c = 0; c < width; c++) {
        out[h * width + c] = (float) values[c];
      }
    }
    return out;
  }

  /** The scaled targets of the {@code horizon} rows from {@code origin} on, row after row. */
  public float[] targets(TimeSeries series, int origin, int horizon) {
    float[] out = new float[horizon * targets];
    for (int h = 0; h < horizon; h++) {
      for (int k = 0; k < targets; k++) {
        out[h * targets + k] = (float) scaler.scale(k, series.value(origin + h, k));
      }
    }
    return out;
  }
}
