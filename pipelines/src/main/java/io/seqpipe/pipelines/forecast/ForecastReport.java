package io.seqpipe.pipelines.forecast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.seqpipe.nlp.metrics.ForecastErrors;
import io.seqpipe.nlp.metrics.ForecastScores;
import io.seqpipe.pipelines.run.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forecasting part of {@code report.json}: the model's errors on dev and test (unscaled), over all
 * horizon steps and per step, and those of the naive and seasonal naive baselines in the same form.
 *
 * <pre>{@code
 * ForecastReport forecast = (ForecastReport) pipeline.run().task();
 * forecast.metrics().test().mae();
 * forecast.metrics().test().byHorizon().get(0).mae();           // step 1
 * forecast.baselines().seasonalNaive().test().mae();
 * }</pre>
 *
 * @param season the season of the seasonal naive baseline and of MASE's scale, in steps
 * @param earlyStopMetric the dev metric early stopping watched
 * @param evaluate the metrics the pipeline asked for, in order (the summary's)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ForecastReport(Metrics metrics, Baselines baselines, List<String> targets, int horizon, int season,
    String earlyStopMetric, @JsonIgnore List<String> evaluate) implements TaskReport {

  /** Errors on dev, and on test when the run evaluated it (else null). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metrics(SplitScores dev, SplitScores test) {}

  /** The baselines' errors, computed in the same run on the same windows. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Baselines(Metrics naive, Metrics seasonalNaive) {}

  /** Errors over all horizon steps, and per step (step 1 first). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record SplitScores(double mae, double rmse, double mape, double smape, double mase,
      List<ForecastScores> byHorizon) {

    public static SplitScores of(ForecastErrors errors) {
      ForecastScores all = errors.overall();
      return new SplitScores(all.mae(), all.rmse(), all.mape(), all.smape(), all.mase(), errors.byHorizon());
    }

    /** The overall scores. */
    public ForecastScores overall() {
      return new ForecastScores(mae, rmse, mape, smape, mase);
    }
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(line("dev", metrics.dev(), baselines.naive().dev(), baselines.seasonalNaive().dev()));
    if (metrics.test() != null) {
      lines.add(line("test", metrics.test(), baselines.naive().test(), baselines.seasonalNaive().test()));
    }
    return lines;
  }

  private String line(String split, SplitScores model, SplitScores naive, SplitScores seasonal) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-5s", split));
    for (String metric : evaluate) {
      out.append(String.format(Locale.ROOT, " %s %.4f", metric, model.overall().get(metric)));
    }
    String first = evaluate.get(0);
    return out.append(String.format(Locale.ROOT, "  (naive %s %.4f, seasonal naive %.4f)", first,
        naive.overall().get(first), seasonal.overall().get(first))).toString();
  }
}
