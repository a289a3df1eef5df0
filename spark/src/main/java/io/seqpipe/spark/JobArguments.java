package io.seqpipe.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Option;

/** The options every {@code seqpipe spark} job takes: model, input, output and where it runs. */
final class JobArguments {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (runs/NAME/model).")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "Text files, one text per line (a file, a directory or a glob), or a Parquet or JSON table with --column.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "A new directory for the results.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, text, parquet or json (default: ${DEFAULT-VALUE}: by the input's extension, else text).")
  String format;

  @Option(names = "--column", paramLabel = "NAME", description = "The column holding the texts of a Parquet or JSON table.")
  String column;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*], local[N], spark://HOST:PORT, ... (default: spark-submit's, else local[*]).")
  String master;

  @Option(names = "--partitions", paramLabel = "N", description = "Ranges of consecutive lines processed as tasks (default: 16 per core of the cluster, at most one per window).")
  Integer partitions;

  @Option(names = "--window", paramLabel = "LINES",
      description = "Lines read and run together, as the single-process command reads them (default: its own, 2000 to translate, 512 to predict).")
  Integer window;

  @Option(names = "--engine", paramLabel = "ENGINE", description = "mxnet or pytorch (default: the one the model was trained with).")
  String engine;

  @Option(names = "--device", paramLabel = "DEVICE", description = "auto, cpu, gpu or gpu:N (default: auto).")
  String device;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Runs the job and reports it on {@code err}. */
  void run(Answers answers, int defaultWindow, String verb, PrintWriter err) throws Exception {
    Input in = Input.of(input, parseFormat(), column);
    BatchJob.Summary summary = new BatchJob(model, engine, device, in, output, partitions,
        window != null ? window : defaultWindow, answers)
        .run(BatchJob.withSettings(new SparkConf(), master, settings));
    err.println(String.format(Locale.ROOT, "%s %d lines in %d partitions in %.1f s (%.1f lines/s) -> %s", verb,
        summary.rows(), summary.partitions(), summary.seconds(), summary.rows() / Math.max(summary.seconds(), 1e-9),
        output));
  }

  private Input.Format parseFormat() {
    try {
      return Input.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be auto, text, parquet or json, got " + format);
    }
  }
}
