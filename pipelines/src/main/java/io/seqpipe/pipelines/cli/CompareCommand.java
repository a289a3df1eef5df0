package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.metrics.PairedBootstrap;
import io.seqpipe.pipelines.experiments.RunComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe compare RUN_A RUN_B [--fail-if-worse METRIC]}: two finished runs on the same test data,
 * metric by metric, with paired-bootstrap p-values; exit 1 when RUN_B is significantly worse on METRIC.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare two finished runs on the same test data: every metric, the difference and its p-value.")
final class CompareCommand implements Callable<Integer> {
  /** Exit code when the second run is significantly worse. */
  static final int WORSE = 1;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run's directory.")
  Path a;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with it.")
  Path b;

  @Option(names = "--fail-if-worse", paramLabel = "METRIC",
      description = "Exit 1 when RUN_B is worse than RUN_A on METRIC with p < 0.05 (bleu, chrf, accuracy, f1_macro).")
  String failIfWorse;

  @Option(names = "--samples", defaultValue = "" + PairedBootstrap.DEFAULT_SAMPLES,
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "" + PairedBootstrap.DEFAULT_SEED, description = "Seed of the resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    RunComparison comparison = RunComparison.of(a, b, samples, seed);
    if (failIfWorse != null && (comparison.row(failIfWorse) == null
        || Double.isNaN(comparison.row(failIfWorse).pValue()))) {
      throw new IllegalArgumentException("--fail-if-worse " + failIfWorse + ": not a tested metric of these runs; "
          + "tested: " + comparison.rows().stream().filter(r -> !Double.isNaN(r.pValue())).map(RunComparison.Row::metric)
              .toList());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-22s %12s %12s %10s %9s%n", "test metric", "A", "B", "B - A", "p");
    for (RunComparison.Row row : comparison.rows()) {
      out.printf(Locale.ROOT, "%-22s %12.4f %12.4f %+10.4f %9s%n", row.metric(), row.a(), row.b(), row.difference(),
          Double.isNaN(row.pValue()) ? "" : String.format(Locale.ROOT, "%.4f%s", row.pValue(),
              row.pValue() < PairedBootstrapOptions.SIGNIFICANT ? "*" : ""));
    }
    out.println("A: " + a + "\nB: " + b + "\np: paired bootstrap, " + samples + " resamples, seed " + seed
        + "; * p < " + PairedBootstrapOptions.SIGNIFICANT);
    if (failIfWorse != null) {
      RunComparison.Row row = comparison.row(failIfWorse);
      if (row.difference() < 0 && row.pValue() < PairedBootstrapOptions.SIGNIFICANT) {
        spec.commandLine().getErr().printf(Locale.ROOT, "seqpipe: %s is significantly worse in B (%.4f < %.4f, p = %.4f)%n",
            failIfWorse, row.b(), row.a(), row.pValue());
        return WORSE;
      }
    }
    return 0;
  }
}
