package io.seqpipe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.forecast.SyntheticSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqpipe spark forecast}: one history a row of a JSON table, each forecast as {@code seqpipe forecast} gives it. */
class SparkForecastTest {
  @TempDir Path dir;

  @Test
  void forecastsEveryHistoryOfATableLikeSeqpipeForecast() throws Exception {
    Path pipeline = SyntheticSeries.write(Files.createDirectories(dir.resolve("series")));
    Path run = dir.resolve("run");
    assertThat(SparkJobsTest.seqpipe(SeqpipeCommand.commandLine(), "run", pipeline.toString(), "--out", run.toString(),
        "--set", "train.epochs=2").exitCode()).isZero();
    List<String> test = Files.readAllLines(dir.resolve("series/test.csv"));
    ObjectMapper json = new ObjectMapper();
    StringBuilder table = new StringBuilder();
    List<Path> histories = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String history = test.get(0) + "\n" + String.join("\n", test.subList(1 + 7 * i, 40 + 11 * i)) + "\n";
      histories.add(Files.writeString(dir.resolve("history-" + i + ".csv"), history));
      table.append(json.writeValueAsString(Map.of("id", i, "history", history))).append('\n');
    }
    Path input = Files.writeString(dir.resolve("histories.jsonl"), table);
    SparkJobsTest.Run job = SparkJobsTest.spark("forecast", "--model", run.resolve("model").toString(), "--input",
        input.toString(), "--column", "history", "--output", dir.resolve("out").toString(), "--master", "local[2]",
        "--partitions", "3");
    assertThat(job.exitCode()).as(job.err()).isZero();
    try (SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .getOrCreate()) {
      List<Row> rows = spark.read().json(dir.resolve("out").toString()).orderBy("id").collectAsList();
      assertThat(rows).hasSize(5);
      for (Row row : rows) {
        int id = (int) row.getLong(row.fieldIndex("id"));
        Path output = dir.resolve("single-" + id + ".csv");
        assertThat(SparkJobsTest.seqpipe(SeqpipeCommand.commandLine(), "forecast", "--model",
            run.resolve("model").toString(), "--input", histories.get(id).toString(), "--output", output.toString())
            .exitCode()).isZero();
        assertThat(row.getString(row.fieldIndex("forecast"))).isEqualTo(Files.readString(output));
      }
    }
  }

  @Test
  void refusesTextInputInOneLine() throws Exception {
    Path pipeline = SyntheticSeries.write(Files.createDirectories(dir.resolve("series")));
    Path run = dir.resolve("run");
    assertThat(SparkJobsTest.seqpipe(SeqpipeCommand.commandLine(), "run", pipeline.toString(), "--out", run.toString(),
        "--set", "train.epochs=1").exitCode()).isZero();
    Path input = dir.resolve("series/test.csv");
    SparkJobsTest.Run job = SparkJobsTest.spark("forecast", "--model", run.resolve("model").toString(), "--input",
        input.toString(), "--output", dir.resolve("out").toString());
    assertThat(job.exitCode()).isEqualTo(2);
    assertThat(job.err()).isEqualTo("seqpipe: " + input + ": forecast jobs read one history a row (CSV text with a "
        + "header) from a column of a Parquet or JSON table; give --column NAME\n");
  }
}
