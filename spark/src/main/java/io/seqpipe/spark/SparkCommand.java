package io.seqpipe.spark;

import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.logging.Logs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code seqpipe spark}: batch jobs on Apache Spark, the entry point of {@code seqpipe-spark.jar} (which the
 * {@code seqpipe} launcher runs for {@code seqpipe spark ...}, and {@code spark-submit} with
 * {@code --class io.seqpipe.spark.SparkCommand}).
 *
 * <pre>{@code
 * seqpipe spark translate --model runs/ding/model --input news.de --output out/news.en --master local[4] --beam 5
 * seqpipe spark predict --model runs/sentiment/model --input reviews.parquet --column text --output out/labels
 * seqpipe spark forecast --model runs/ridership/model --input stations.jsonl --column history --output out/forecasts
 * spark-submit --class io.seqpipe.spark.SparkCommand seqpipe-spark.jar spark translate --model ... --input hdfs://...
 * }</pre>
 *
 * <p>Exit codes as {@code seqpipe}'s: 0 success, 2 bad input or usage (one line), 1 an internal failure.
 */
@Command(name = "seqpipe", subcommands = SparkCommand.Jobs.class)
public final class SparkCommand {
  /** The {@code spark} command and its jobs. */
  @Command(name = "spark", mixinStandardHelpOptions = true,
      description = "Batch jobs over data sets larger than one machine, on Apache Spark (local, standalone, YARN, Kubernetes).",
      subcommands = {SparkTranslateCommand.class, SparkPredictCommand.class, SparkForecastCommand.class,
          CommandLine.HelpCommand.class})
  static final class Jobs {}

  private SparkCommand() {}

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(exitCode);
  }

  /**
   * The command line with Seqpipe's error handling, for {@link #main} and tests. Spark's and Hadoop's own
   * progress is not the user's business unless it goes wrong: their loggers write warnings and errors only.
   */
  public static CommandLine commandLine() {
    for (String library : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop",
        "org.apache.parquet", "io.netty"}) {
      Logs.warningsOnly(library);
    }
    return SeqpipeCommand.commandLine(new SparkCommand());
  }
}
