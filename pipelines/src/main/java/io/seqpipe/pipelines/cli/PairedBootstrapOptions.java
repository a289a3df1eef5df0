package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.metrics.PairedBootstrap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --paired-bs}, {@code --samples} and {@code --seed}, as the score commands take them, and the
 * table (or JSON) they print: each system's score, bootstrap mean and 95% confidence interval, and its
 * p-value against the first system.
 */
final class PairedBootstrapOptions {
  /** p-values under this are marked as significant. */
  static final double SIGNIFICANT = 0.05;

  @Option(names = "--paired-bs", description = "Paired bootstrap resampling of the systems (the first is the baseline).")
  boolean enabled;

  @Option(names = "--samples", defaultValue = "" + PairedBootstrap.DEFAULT_SAMPLES,
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "" + PairedBootstrap.DEFAULT_SEED,
      description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Refuses several systems without {@code --paired-bs}: one score each would not say which differences are real. */
  void requireFor(String option, int systems) {
    if (systems > 1 && !enabled) {
      throw new IllegalArgumentException("several " + option + " files compare systems: add --paired-bs");
    }
  }

  /** Runs the test and prints one row per system (or JSON). */
  void print(PrintWriter out, String metric, List<Path> systems, List<PairedBootstrap.Scorer> scorers, int segments,
      int decimals, boolean json) {
    List<PairedBootstrap.Result> results = PairedBootstrap.compare(segments, scorers, samples, seed);
    if (json) {
      List<Object> rows = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        PairedBootstrap.Result r = results.get(i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", systems.get(i).toString());
        row.put("score", r.score());
        row.put("mean", r.mean());
        row.put("ci", r.ci());
        row.put("p_value", i == 0 ? null : r.pValue());
        rows.add(row);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("metric", metric);
      all.put("test", "paired-bs");
      all.put("samples", samples);
      all.put("seed", seed);
      all.put("systems", rows);
      out.println(Json.write(all));
      return;
    }
    out.printf(Locale.ROOT, "%s, paired bootstrap: %d resamples, seed %d, baseline %s%n", metric, samples, seed,
        systems.get(0));
    String format = "%-30s %" + (decimals + 5) + "." + decimals + "f   (%." + decimals + "f ± %." + decimals + "f)%s%n";
    for (int i = 0; i < results.size(); i++) {
      PairedBootstrap.Result r = results.get(i);
      String p = i == 0 ? "" : String.format(Locale.ROOT, "   p = %.4f%s", r.pValue(), r.pValue() < SIGNIFICANT ? " *" : "");
      out.printf(Locale.ROOT, format, systems.get(i), r.score(), r.mean(), r.ci(), p);
    }
  }
}
