package io.seqpipe.pipelines.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.metrics.Bleu;
import io.seqpipe.nlp.metrics.ChrF;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.metrics.PairedBootstrap;
import io.seqpipe.pipelines.classify.ClassifyTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Two finished runs side by side on the same test data: every test metric of both reports, the
 * difference, and for the headline metrics (BLEU and chrF of translations, accuracy and macro-F1 of
 * classifications) the paired-bootstrap p-value computed from the test outputs the runs saved. Runs of
 * different kinds, or on test data with other hashes, are refused.
 *
 * <pre>{@code
 * for (RunComparison.Row row : RunComparison.of(Path.of("runs/a"), Path.of("runs/b"), 1000, 12345).rows()) {
 *   System.out.println(row.metric() + " " + row.difference() + " p=" + row.pValue());
 * }
 * }</pre>
 */
public record RunComparison(Path a, Path b, List<Row> rows) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One metric of both runs.
   *
   * @param pValue the paired bootstrap's p-value of the difference; NaN where the saved outputs do not allow one
   */
  public record Row(String metric, double a, double b, double pValue) {
    public double difference() {
      return b - a;
    }
  }

  /**
   * Compares two run directories (each with {@code report.json} and its test outputs).
   *
   * @throws IllegalArgumentException naming what differs when the runs cannot be compared
   */
  public static RunComparison of(Path a, Path b, int samples, long seed) throws IOException {
    JsonNode reportA = report(a);
    JsonNode reportB = report(b);
    String kind = reportA.path("kind").asText();
    if (!kind.equals(reportB.path("kind").asText())) {
      throw new IllegalArgumentException(b + ": a " + reportB.path("kind").asText() + " run, " + a + " is a " + kind
          + " run; compare runs of one kind");
    }
    requireSameTestData(a, reportA, b, reportB);
    List<Row> rows = new ArrayList<>();
    boolean translate = kind.equals("translate");
    List<String> refs;
    List<String> outA;
    List<String> outB;
    if (translate) {
      refs = lines(a, "test.ref");
      outA = lines(a, "test.hyp");
      outB = lines(b, "test.hyp");
    } else {
      refs = lines(a, ClassifyTask.TEST_GOLD);
      outA = lines(a, ClassifyTask.TEST_PREDICTED);
      outB = lines(b, ClassifyTask.TEST_PREDICTED);
    }
    if (!refs.equals(translate ? lines(b, "test.ref") : lines(b, ClassifyTask.TEST_GOLD))) {
      throw new IllegalArgumentException(b + ": its test references differ from " + a + "'s; compare runs on the same test data");
    }
    JsonNode metricsA = translate ? reportA.path("metrics") : reportA.path("metrics").path("test");
    JsonNode metricsB = translate ? reportB.path("metrics") : reportB.path("metrics").path("test");
    for (Iterator<Map.Entry<String, JsonNode>> it = metricsA.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> metric = it.next();
      JsonNode other = metricsB.get(metric.getKey());
      if (!metric.getValue().isNumber() || other == null || !other.isNumber()) {
        continue;
      }
      PairedBootstrap.Scorer scorerA = scorer(metric.getKey(), outA, refs);
      double p = Double.NaN;
      if (scorerA != null) {
        p = PairedBootstrap.compare(refs.size(), List.of(scorerA, scorer(metric.getKey(), outB, refs)), samples, seed)
            .get(1).pValue();
      }
      rows.add(new Row(metric.getKey(), metric.getValue().asDouble(), other.asDouble(), p));
    }
    return new RunComparison(a, b, rows);
  }

  /** The row of {@code metric}, or null. */
  public Row row(String metric) {
    return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElse(null);
  }

  private static PairedBootstrap.Scorer scorer(String metric, List<String> outputs, List<String> references) {
    return switch (metric) {
      case "bleu" -> PairedBootstrap.corpus(Bleu.builder().build(), outputs, List.of(references));
      case "chrf" -> PairedBootstrap.corpus(ChrF.builder().build(), outputs, List.of(references));
      case "accuracy" -> items -> report(outputs, references, items).accuracy();
      case "f1_macro" -> items -> report(outputs, references, items).macro().f1();
      default -> null;
    };
  }

  private static ClassificationReport report(List<String> predicted, List<String> gold, int[] items) {
    List<String> g = new ArrayList<>(items.length);
    List<String> p = new ArrayList<>(items.length);
    for (int item : items) {
      g.add(gold.get(item));
      p.add(predicted.get(item));
    }
    return ClassificationReport.of(g, p);
  }

  /** The test data of both runs must have the same hashes (for a test split: all data, the seed and the split). */
  private static void requireSameTestData(Path a, JsonNode reportA, Path b, JsonNode reportB) {
    JsonNode dataA = reportA.path("data");
    JsonNode dataB = reportB.path("data");
    boolean explicitTest = false;
    for (Iterator<String> roles = dataA.fieldNames(); roles.hasNext(); ) {
      explicitTest |= roles.next().startsWith("test");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = dataA.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> role = it.next();
      if (explicitTest && !role.getKey().startsWith("test")) {
        continue;
      }
      String hashA = role.getValue().path("sha256").asText();
      String hashB = dataB.path(role.getKey()).path("sha256").asText();
      if (!hashA.equals(hashB)) {
        throw new IllegalArgumentException(b + ": its " + role.getKey() + " data (sha256 " + abbreviate(hashB)
            + ") is not " + a + "'s (" + abbreviate(hashA) + "); compare runs on the same test data");
      }
    }
    if (!explicitTest && reportA.path("seed").asLong() != reportB.path("seed").asLong()) {
      throw new IllegalArgumentException(b + ": its test set was split off with seed " + reportB.path("seed").asLong()
          + ", " + a + "'s with seed " + reportA.path("seed").asLong() + "; compare runs on the same test data");
    }
  }

  private static String abbreviate(String hash) {
    return hash.isEmpty() ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }

  private static JsonNode report(Path run) throws IOException {
    Path file = run.resolve("report.json");
    if (!Files.isRegularFile(file)) {
      throw new InputFormatException(file, "expected a finished run's report.json");
    }
    JsonNode report = JSON.readTree(file.toFile());
    if (!report.path("metrics").isObject()) {
      throw new InputFormatException(file, "expected a Seqpipe run report with metrics");
    }
    return report;
  }

  private static List<String> lines(Path run, String name) throws IOException {
    Path file = run.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new InputFormatException(file, "expected the run's saved test outputs; run it with 'seqpipe run' (which evaluates the test set)");
    }
    return Files.readAllLines(file);
  }
}
