package io.seqpipe.pipelines.experiments;

import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs of one pipeline with different seeds, summarized: each metric's mean, sample standard deviation
 * and the value of every seed (per-label scores left out).
 *
 * <pre>{@code
 * SeedSummary summary = SeedSummary.of(List.of(42L, 43L, 44L), reports);
 * summary.metrics().get("test.f1_macro").mean();
 * }</pre>
 *
 * @param seeds the seeds, in run order
 * @param metrics by dotted name ({@code test.f1_macro}, {@code bleu}), in report order
 */
public record SeedSummary(List<Long> seeds, Map<String, Metric> metrics) {
  /** One metric over the seeds. */
  public record Metric(double mean, double sd, List<Double> values) {
    static Metric of(List<Double> values) {
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      return new Metric(mean, values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0.0, List.copyOf(values));
    }
  }

  public static SeedSummary of(List<Long> seeds, List<RunReport> reports) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (RunReport report : reports) {
      flatten("", Reports.JSON.convertValue(report.task().metrics(), Object.class), values);
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    values.forEach((name, list) -> {
      if (list.size() == reports.size()) {
        metrics.put(name, Metric.of(list));
      }
    });
    return new SeedSummary(List.copyOf(seeds), metrics);
  }

  private static void flatten(String prefix, Object value, Map<String, List<Double>> out) {
    if (value instanceof Number number) {
      out.computeIfAbsent(prefix, k -> new ArrayList<>()).add(number.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> {
        if (!"per_label".equals(key)) {
          flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, out);
        }
      });
    }
  }

  /** One line per metric: {@code name  mean ± sd  (value, value, ...)}. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    metrics.forEach((name, m) -> lines.add(String.format(Locale.ROOT, "%-22s %.4f ± %.4f  (%s)", name, m.mean(), m.sd(),
        String.join(", ", m.values().stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList()))));
    return lines;
  }
}
