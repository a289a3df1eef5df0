package io.seqpipe.pipelines.forecast;

import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.models.nn.SeriesForecaster;
import io.seqpipe.nlp.series.CalendarFeature;
import io.seqpipe.nlp.series.Scaler;
import io.seqpipe.nlp.series.SeriesColumns;
import io.seqpipe.nlp.series.WindowFeatures;
import io.seqpipe.pipelines.components.Components;
import java.util.List;

/**
 * What a trained forecaster needs besides its parameters to be rebuilt anywhere: the columns it reads,
 * the scaler fitted on the training rows, the calendar features, the window and the architecture.
 * Stored as {@code forecaster.json} in the model directory, so that a history file alone is enough to
 * forecast from.
 *
 * <pre>{@code
 * ForecastConfig config = ForecastConfig.of(spec, scaler, 7);
 * SeriesForecaster block = config.block();
 * }</pre>
 *
 * @param columns the time, target and covariate columns, and the missing-value policy
 * @param calendar calendar feature names, in order
 * @param input steps of history a forecast reads
 * @param horizon steps forecast
 * @param head {@code dense} or {@code autoregressive} (see {@link #steps()})
 * @param season the season of the seasonal naive baseline and of MASE
 */
public record ForecastConfig(String name, SeriesColumns columns, Scaler scaler, List<String> calendar, int input,
    int horizon, int season, EncoderSpec encoder, String head) {

  public ForecastConfig {
    calendar = List.copyOf(calendar);
  }

  public static ForecastConfig of(ForecastSpec spec, Scaler scaler, int season) {
    ForecastSpec.Series series = spec.series();
    return new ForecastConfig(spec.name(), new SeriesColumns(series.time(), series.targets(), series.features(),
        SeriesColumns.MissingValues.fromId(series.missing())), scaler, spec.calendar(), spec.window().input(),
        spec.window().horizon(), season, spec.encoder(), spec.head());
  }

  /** How windows become model inputs. */
  public WindowFeatures features() {
    return new WindowFeatures(scaler, calendar.stream().map(CalendarFeature::fromId).toList(),
        columns.targets().size());
  }

  /** Steps the model forecasts in one pass: the whole horizon (dense head), or one (autoregressive head). */
  public int steps() {
    return head.equals("autoregressive") ? 1 : horizon;
  }

  /** The model, untrained. */
  public SeriesForecaster block() {
    WindowFeatures features = features();
    return new SeriesForecaster(Components.encoder(encoder), encoder.dropout(), steps(), columns.targets().size(),
        features.calendarWidth());
  }

  /** Placeholder input shapes to initialize the block with. */
  Shape[] inputShapes() {
    WindowFeatures features = features();
    Shape window = new Shape(2, input, features.width());
    return features.calendarWidth() > 0 ? new Shape[] {window, new Shape(2, (long) steps() * features.calendarWidth())}
        : new Shape[] {window};
  }
}
