package io.seqpipe.grammar.spec;

import java.util.List;
import java.util.Objects;

/**
 * A {@code forecast} pipeline: a regular time series in, its next {@code horizon} values out, from
 * sliding windows of its past values, covariates and calendar features read by a recurrent encoder.
 *
 * <pre>{@code
 * ForecastSpec spec = (ForecastSpec) PipelineFiles.load(Path.of("examples/ridership.pipe"), List.of(), names).spec();
 * spec.window().horizon();      // 7
 * spec.series().targets();      // [ridership]
 * }</pre>
 *
 * @param data the train, dev and (optional) test files, each continuing the one before
 * @param series which columns are read and how
 * @param scale {@code standard}, {@code minmax} or {@code none}: fitted on train, stored with the model
 * @param calendar features derived from the time column: {@code day_of_week}, {@code month}, {@code holiday_us}
 * @param head {@code dense}: every horizon step at once from the encoder's last state; {@code autoregressive}:
 *     one step at a time, each forecast appended to the window for the next (covariates carried forward)
 * @param sweep the file's {@code sweep} block, or null
 */
public record ForecastSpec(String name, DataSpec data, Series series, WindowSpec window, String scale,
    List<String> calendar, EncoderSpec encoder, String head, TrainSpec train, List<String> metrics,
    SweepSpec sweep) implements PipelineSpec {

  /**
   * @param time the time column (dates, months or date-times, a regular step apart)
   * @param targets the columns forecast
   * @param features covariate columns, read up to the forecast origin
   * @param season the seasonal naive baseline's and MASE's season in steps; 0 to infer it from the time
   *     step (7 for days, 12 for months, 24 for hours)
   * @param missing {@code error}, or {@code previous} to fill missing values and gaps with the row before
   */
  public record Series(String time, List<String> targets, List<String> features, int season, String missing) {
    public Series {
      targets = List.copyOf(targets);
      features = List.copyOf(features);
    }
  }

  /**
   * @param input steps of history each window reads
   * @param horizon steps forecast from each window
   * @param stride steps between consecutive training windows
   */
  public record WindowSpec(int input, int horizon, int stride) {}

  public ForecastSpec {
    Objects.requireNonNull(name, "name");
    calendar = List.copyOf(calendar);
    metrics = List.copyOf(metrics);
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.FORECAST;
  }
}
