package io.seqpipe.pipelines.forecast;

import io.seqpipe.nlp.metrics.ForecastErrors;
import io.seqpipe.nlp.series.Baselines;
import io.seqpipe.nlp.series.TimeSeries;

/**
 * The forecasts of one split's windows by the model and by both baselines, unscaled, beside the actual
 * values: what the split's errors and the report's charts come from. Each forecast row holds, step after
 * step, every target's value.
 *
 * <pre>{@code
 * SplitForecasts dev = SplitForecasts.of("dev", series, origins, forecaster.forecasts(series, origins), 7, 1, 7);
 * ForecastErrors model = dev.errors(dev.model(), scales);
 * }</pre>
 */
record SplitForecasts(String split, TimeSeries series, int[] origins, int horizon, int targets, double[][] model,
    double[][] naive, double[][] seasonalNaive) {

  static SplitForecasts of(String split, TimeSeries series, int[] origins, double[][] model, int horizon, int targets,
      int season) {
    double[][] naive = new double[origins.length][horizon * targets];
    double[][] seasonal = new double[origins.length][horizon * targets];
    for (int i = 0; i < origins.length; i++) {
      for (int k = 0; k < targets; k++) {
        double[] last = Baselines.naive(series, origins[i], horizon, k);
        double[] lastSeason = Baselines.seasonalNaive(series, origins[i], horizon, k, season);
        for (int h = 0; h < horizon; h++) {
          naive[i][h * targets + k] = last[h];
          seasonal[i][h * targets + k] = lastSeason[h];
        }
      }
    }
    return new SplitForecasts(split, series, origins, horizon, targets, model, naive, seasonal);
  }

  /**
   * The errors of {@code forecasts} (one of this split's), each window and target a row.
   *
   * @param scales per target, MASE's scale
   */
  ForecastErrors errors(double[][] forecasts, double[] scales) {
    int rows = origins.length * targets;
    double[][] actual = new double[rows][horizon];
    double[][] predicted = new double[rows][horizon];
    double[] rowScales = new double[rows];
    for (int i = 0; i < origins.length; i++) {
      for (int k = 0; k < targets; k++) {
        int row = i * targets + k;
        rowScales[row] = scales[k];
        for (int h = 0; h < horizon; h++) {
          actual[row][h] = series.value(origins[i] + h, k);
          predicted[row][h] = forecasts[i][h * targets + k];
        }
      }
    }
    return ForecastErrors.of(actual, predicted, rowScales);
  }

  /** The first target's actual values at step {@code step} (0-based) ahead of each window. */
  double[] actual(int step) {
    double[] out = new double[origins.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = series.value(origins[i] + step, 0);
    }
    return out;
  }

  /** The first target's forecasts at step {@code step} (0-based) ahead of each window. */
  static double[] at(double[][] forecasts, int step, int targets) {
    double[] out = new double[forecasts.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = forecasts[i][step * targets];
    }
    return out;
  }
}
