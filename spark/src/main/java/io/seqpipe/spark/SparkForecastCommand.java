package io.seqpipe.spark;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe spark forecast --model DIR --input TABLE --column NAME --output DIR [--master URL]}:
 * {@code seqpipe forecast} for many series as a Spark job: a Parquet or JSON table whose column holds one
 * history a row (CSV with a header) gets a {@code forecast} column with the forecast CSV.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast many series with a saved forecast model on Spark: a table with one CSV history a row in, "
        + "a forecast column added.")
final class SparkForecastCommand implements Callable<Integer> {
  /** Histories read and forecast together. */
  private static final int WINDOW = 64;

  @Spec CommandSpec spec;

  @Mixin JobArguments job;

  @Override
  public Integer call() throws Exception {
    job.run(new ForecastAnswers(), WINDOW, "forecast", spec.commandLine().getErr());
    return 0;
  }
}
