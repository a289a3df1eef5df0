package io.seqpipe.pipelines.forecast;

import io.seqpipe.pipelines.model.ModelOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The next {@code horizon} values of a series after its history: the time of each step ahead (written
 * as the history writes times) and each target's values, unscaled.
 *
 * <pre>{@code
 * Forecast forecast = forecaster.forecast(history);
 * forecast.values().get("ridership")[0];    // the first step ahead
 * forecast.csv();                           // date,ridership\n2015-01-01,...
 * }</pre>
 *
 * @param timeColumn the time column's name
 * @param times the steps ahead, in order
 * @param values per target, in the model's target order, one value per step
 */
public record Forecast(String timeColumn, List<String> times, Map<String, double[]> values) implements ModelOutput {

  /** The forecast as CSV: a header, then one row per step ahead. */
  @Override
  public String text() {
    return csv();
  }

  public String csv() {
    StringBuilder out = new StringBuilder(timeColumn);
    values.keySet().forEach(target -> out.append(',').append(target));
    out.append('\n');
    for (int step = 0; step < times.size(); step++) {
      out.append(times.get(step));
      for (double[] series : values.values()) {
        out.append(',').append(series[step]);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** A point forecast has no score: NaN. */
  @Override
  public double score() {
    return Double.NaN;
  }

  /** {@code {"times": [...], "forecast": {"target": [...]}}}. */
  @Override
  public Object json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("times", times);
    json.put("forecast", values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        entry -> entry.getValue().clone(), (a, b) -> a, LinkedHashMap::new)));
    return json;
  }
}
