package io.seqpipe.nlp.metrics;

/**
 * Point-forecast errors over a set of forecasts: MAE, RMSE, MAPE and sMAPE in percent, and MASE (MAE
 * over the in-sample seasonal naive MAE of the training series). MAPE leaves out actual values of 0 and
 * is NaN when all are 0; sMAPE counts a forecast of 0 for an actual 0 as no error.
 *
 * <pre>{@code
 * ForecastScores scores = ForecastScores.of(actual, forecast, scales);
 * scores.get("mase");
 * }</pre>
 */
public record ForecastScores(double mae, double rmse, double mape, double smape, double mase) {

  /** The metric by its name in pipeline files ({@code mae}, {@code rmse}, {@code mape}, {@code smape}, {@code mase}). */
  public double get(String metric) {
    return switch (metric) {
      case "mae" -> mae;
      case "rmse" -> rmse;
      case "mape" -> mape;
      case "smape" -> smape;
      case "mase" -> mase;
      default -> throw new IllegalArgumentException("unknown forecast metric '" + metric
          + "' (known: mae, rmse, mape, smape, mase)");
    };
  }

  /**
   * The scores of paired values.
   *
   * @param scales per value, the MASE denominator of its series
   */
  public static ForecastScores of(double[] actual, double[] forecast, double[] scales) {
    double absolute = 0;
    double squared = 0;
    double percent = 0;
    int percentCount = 0;
    double symmetric = 0;
    double scaled = 0;
    for (int i = 0; i < actual.length; i++) {
      double error = forecast[i] - actual[i];
      absolute += Math.abs(error);
      squared += error * error;
      if (actual[i] != 0) {
        percent += Math.abs(error / actual[i]);
        percentCount++;
      }
      double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
      symmetric += denominator == 0 ? 0 : 2 * Math.abs(error) / denominator;
      scaled += Math.abs(error) / scales[i];
    }
    int n = actual.length;
    return new ForecastScores(absolute / n, Math.sqrt(squared / n),
        percentCount == 0 ? Double.NaN : 100 * percent / percentCount, 100 * symmetric / n, scaled / n);
  }
}
