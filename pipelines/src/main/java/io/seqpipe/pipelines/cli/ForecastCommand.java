package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.forecast.Forecast;
import io.seqpipe.pipelines.forecast.Forecaster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe forecast --model DIR --input history.csv [--output forecast.csv]}: the next horizon
 * after a history (CSV with the training files' columns), as CSV: the time column, then each target;
 * written atomically to {@code --output}, or to standard output.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast the next horizon after a history (CSV with the training columns) with a saved forecast model.")
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelArguments model;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "The history: CSV with a header, the time column, the targets and the covariates, a regular step apart.")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Where the forecast CSV goes (default: standard output).")
  Path output;

  @Override
  public Integer call() throws Exception {
    try (Forecaster forecaster = model.load(Forecaster.class)) {
      Forecast forecast = forecaster.forecast(input);
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(forecast.csv());
        out.flush();
      } else {
        AtomicFiles.writeString(output, forecast.csv());
        spec.commandLine().getErr().println("forecast " + forecast.times().size() + " steps from "
            + forecast.times().get(0) + " -> " + output);
      }
    }
    return 0;
  }
}
