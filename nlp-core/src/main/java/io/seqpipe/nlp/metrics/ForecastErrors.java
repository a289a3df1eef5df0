package io.seqpipe.nlp.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of multi-step forecasts, overall and per horizon step: rows of forecasts (one per window
 * and target), each {@code horizon} steps long, against the actual values.
 *
 * <pre>{@code
 * double scale = ForecastErrors.seasonalScale(trainValues, 7);
 * ForecastErrors errors = ForecastErrors.of(actual, forecast, scalesPerRow);
 * errors.overall().mae();
 * errors.byHorizon().get(0).mae();      // step 1
 * }</pre>
 *
 * @param overall over all rows and steps
 * @param byHorizon per step, step 1 first
 */
public record ForecastErrors(ForecastScores overall, List<ForecastScores> byHorizon) {

  public ForecastErrors {
    byHorizon = List.copyOf(byHorizon);
  }

  /**
   * @param actual per row, the actual values of steps 1..horizon
   * @param forecast per row, the forecast values
   * @param scales per row, the MASE denominator of its series ({@link #seasonalScale})
   */
  public static ForecastErrors of(double[][] actual, double[][] forecast, double[] scales) {
    if (actual.length == 0) {
      throw new IllegalArgumentException("no forecasts to score");
    }
    int horizon = actual[0].length;
    int rows = actual.length;
    double[] allActual = new double[rows * horizon];
    double[] allForecast = new double[rows * horizon];
    double[] allScales = new double[rows * horizon];
    List<ForecastScores> byHorizon = new ArrayList<>();
    for (int h = 0; h < horizon; h++) {
      double[] stepActual = new double[rows];
      double[] stepForecast = new double[rows];
      double[] stepScales = new double[rows];
      for (int r = 0; r < rows; r++) {
        stepActual[r] = actual[r][h];
        stepForecast[r] = forecast[r][h];
        stepScales[r] = scales[r];
        allActual[r * horizon + h] = actual[r][h];
        allForecast[r * horizon + h] = forecast[r][h];
        allScales[r * horizon + h] = scales[r];
      }
      byHorizon.add(ForecastScores.of(stepActual, stepForecast, stepScales));
    }
    return new ForecastErrors(ForecastScores.of(allActual, allForecast, allScales), byHorizon);
  }

  /**
   * The in-sample MAE of the seasonal naive forecast one step ahead, {@code mean |y[t] - y[t - season]|}
   * over the training values: MASE's denominator (Hyndman and Koehler 2006). 1 when it is 0 (a constant
   * series), so that MASE stays finite.
   */
  public static double seasonalScale(double[] train, int season) {
    if (train.length <= season) {
      throw new IllegalArgumentException("MASE needs more than a season (" + season + ") of training values, found "
          + train.length);
    }
    double sum = 0;
    for (int t = season; t < train.length; t++) {
      sum += Math.abs(train[t] - train[t - season]);
    }
    double scale = sum / (train.length - season);
    return scale > 0 ? scale : 1;
  }
}
