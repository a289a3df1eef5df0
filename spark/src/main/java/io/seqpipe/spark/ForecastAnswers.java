package io.seqpipe.spark;

import io.seqpipe.pipelines.forecast.Forecast;
import io.seqpipe.pipelines.forecast.Forecaster;
import io.seqpipe.pipelines.model.TrainedModel;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Forecasts as {@code seqpipe forecast} writes them: each row's history (CSV with a header, in a column
 * of a Parquet or JSON table) gets a {@code forecast} column holding the forecast CSV. Text input, one
 * text a line, cannot hold a history and is refused.
 *
 * <pre>{@code
 * new ForecastAnswers().values(forecaster, List.of("date,y\n2015-01-01,3\n..."), 1);   // [["date,y\n2015-02-01,4.2\n..."]]
 * }</pre>
 */
record ForecastAnswers() implements Answers {
  @Override
  public Class<Forecaster> kind() {
    return Forecaster.class;
  }

  @Override
  public void check(TrainedModel model) {
    // a forecaster takes no settings
  }

  @Override
  public void check(Input input) {
    if (input.isText()) {
      throw new IllegalArgumentException(input.path() + ": forecast jobs read one history a row (CSV text with a header) "
          + "from a column of a Parquet or JSON table; give --column NAME");
    }
  }

  /** Never called: {@link #check(Input)} refuses text input. */
  @Override
  public List<String> lines(TrainedModel model, long firstIndex, List<String> texts, int threads) {
    throw new UnsupportedOperationException("forecast jobs write tables, not lines");
  }

  @Override
  public List<StructField> columns() {
    return List.of(DataTypes.createStructField("forecast", DataTypes.StringType, false));
  }

  @Override
  public List<Object[]> values(TrainedModel model, List<String> texts, int threads) {
    return ((Forecaster) model).predict(texts).stream().map(forecast -> new Object[] {forecast.csv()}).toList();
  }
}
