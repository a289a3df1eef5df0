package io.seqpipe.nlp.series;

import java.util.Arrays;

/**
 * The forecasts a model must beat, from the history alone: naive (the last value, for every step) and
 * seasonal naive (the value one season before each step, from the last season of history).
 *
 * <pre>{@code
 * double[] naive = Baselines.naive(series, origin, 7, 0);
 * double[] weekly = Baselines.seasonalNaive(series, origin, 7, 0, 7);
 * }</pre>
 */
public final class Baselines {
  private Baselines() {}

  /** The value of {@code column} at the row before {@code origin}, for each of {@code horizon} steps. */
  public static double[] naive(TimeSeries series, int origin, int horizon, int column) {
    double[] out = new double[horizon];
    Arrays.fill(out, series.value(origin - 1, column));
    return out;
  }

  /**
   * For step {@code h} (0-based) the value at {@code origin + h - season * (h / season + 1)}: the same
   * point of the season in the last season before the origin.
   *
   * @throws IllegalArgumentException when the history is shorter than a season
   */
  public static double[] seasonalNaive(TimeSeries series, int origin, int horizon, int column, int season) {
    if (origin < season) {
      throw new IllegalArgumentException("seasonal naive needs a season (" + season + " rows) of history, found " + origin);
    }
    double[] out = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      out[h] = series.value(origin + h - season * (h / season + 1), column);
    }
    return out;
  }
}
