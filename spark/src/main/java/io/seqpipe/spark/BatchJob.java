package io.seqpipe.spark;

import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One Spark job over a data set: checks the model and the settings on the driver, ships the model, numbers
 * the input rows, cuts them into ranges of consecutive rows, runs each range through the model on an
 * executor and writes the results in input order with Spark's commit protocol: text part files whose
 * concatenation in name order is what the single-process command writes, or a table of the input's
 * format with the result columns. A job that fails or is killed leaves no {@code _SUCCESS} marker.
 *
 * <pre>{@code
 * BatchJob job = new BatchJob(Path.of("runs/ding/model"), null, "cpu", Input.of("news.de", Input.Format.AUTO, null),
 *     "out/news.en", null, TranslationJob.DEFAULT_WINDOW, new TranslationAnswers(new Inference(5, 1), 1500));
 * job.run(new SparkConf().setMaster("local[2]"));
 * }</pre>
 *
 * @param partitions ranges the rows are cut into; null for {@link #defaultRanges}
 */
record BatchJob(Path model, String engine, String device, Input input, String output, Integer partitions, int window,
    Answers answers) {

  /** Ranges per core of the cluster when the command line names no {@code --partitions}. */
  static final int RANGES_PER_CORE = 16;

  /** What a job did. */
  record Summary(long rows, int partitions, double seconds) {}

  /** Runs the job on a Spark session made from {@code conf} (the master, ...), stopped at the end. */
  Summary run(SparkConf conf) throws IOException {
    long started = System.nanoTime();
    try (TrainedModel loaded = Pipelines.loadModel(model, ModelOptions.of(engine, device), answers.kind())) {
      answers.check(loaded);
    }
    answers.check(input);
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", "seqpipe " + (answers instanceof TranslationAnswers ? "translate"
        : answers instanceof ForecastAnswers ? "forecast" : "predict"));
    // task outputs become visible only when the whole job commits
    conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1");
    EngineThreads.configure(conf);
    try (SparkSession spark = SparkSession.builder().config(conf).getOrCreate()) {
      org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(out)) {
        throw new IllegalArgumentException(output + ": already exists; a job writes a new directory");
      }
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Input.Loaded rows = input.load(spark);
      StructType schema = rows.schema();
      for (StructField column : answers.columns()) {
        if (!input.isText() && schema.getFieldIndex(column.name()).isDefined()) {
          throw new IllegalArgumentException(input.path() + ": already has a column '" + column.name() + "'");
        }
        schema = schema.add(column);
      }
      long total = rows.rows().count();
      int ranges = partitions != null ? partitions : defaultRanges(sc.defaultParallelism(), total, window);
      JavaPairRDD<Long, Row> ordered = rows.rows().zipWithIndex().mapToPair(r -> new scala.Tuple2<>(r._2(), r._1()))
          .repartitionAndSortWithinPartitions(new LinePartitioner(ranges, total, window));
      ModelPartitions work = new ModelPartitions(ShippedModel.ship(sc, model, engine, device), answers, window,
          rows.textColumn(), EngineThreads.executorCores(conf));
      if (input.isText()) {
        ordered.mapPartitions(work.lines()).saveAsTextFile(output);
      } else {
        spark.createDataFrame(ordered.mapPartitions(work.rows()), schema).write().format(input.format().name()
            .toLowerCase(java.util.Locale.ROOT)).save(output);
      }
      return new Summary(total, ranges, (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * Ranges when the command line names none: {@value #RANGES_PER_CORE} per core of the cluster, so that an
   * executor that finishes early takes another range instead of idling while the slowest range ends (with k
   * ranges a core, the cores wait for the last range about 1/(2k) of the job), but no more ranges than windows
   * of lines (a range holds whole windows).
   */
  static int defaultRanges(int cores, long rows, int window) {
    long windows = (rows + window - 1) / window;
    return (int) Math.max(1, Math.min((long) cores * RANGES_PER_CORE, windows));
  }

  /** {@code conf} with each {@code KEY=VALUE} setting of the command line applied. */
  static SparkConf withSettings(SparkConf conf, String master, Map<String, String> settings) {
    settings.forEach(conf::set);
    if (master != null) {
      conf.setMaster(master);
    }
    return conf;
  }
}
