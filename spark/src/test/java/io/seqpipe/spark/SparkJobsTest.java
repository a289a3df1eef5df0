package io.seqpipe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.translate.ToyTranslation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seqpipe spark} jobs in local mode give what the single-process commands give, line for line. */
class SparkJobsTest {
  @TempDir static Path shared;
  static Path translator;
  static Path classifier;
  @TempDir Path dir;

  @BeforeAll
  static void trainToyModels() throws Exception {
    translator = train(ToyTranslation.write(Files.createDirectories(shared.resolve("mt"))), "mt");
    classifier = train(ToyData.write(Files.createDirectories(shared.resolve("cls"))), "cls");
  }

  private static Path train(Path pipeline, String name) {
    Path out = shared.resolve("run-" + name);
    assertThat(seqpipe(SeqpipeCommand.commandLine(), "run", pipeline.toString(), "--out", out.toString(), "--set",
        "train.epochs=2").exitCode()).isZero();
    return out.resolve("model");
  }

  @Test
  void translatesTextLikeSeqpipeTranslateWithMorePartitionsThanLines() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(30, 5) + "\n" + ToyTranslation.sources(9, 6));
    String expected = singleProcessTranslation(input, "--beam", "3", "--n-best", "2", "--alpha", "2.5", "--window", "7");
    Run run = spark("translate", "--model", translator.toString(), "--input", input.toString(), "--output",
        dir.resolve("out").toString(), "--master", "local[2]", "--partitions", "64", "--window", "7", "--beam", "3",
        "--n-best", "2", "--alpha", "2.5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(concatenated(dir.resolve("out"))).isEqualTo(expected);
    assertThat(expected.lines()).as("39 sentences, 2 translations each, and one empty line").hasSize(79);
    assertThat(dir.resolve("out/_SUCCESS")).exists();
  }

  /** On PyTorch an executor's tasks run its model side by side; the output is still the single-process one. */
  @Test
  void translatesOnPytorchWithTasksSideBySideLikeSeqpipeTranslate() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(60, 11));
    String expected = singleProcessTranslation(input, "--engine", "pytorch", "--threads", "1", "--beam", "3",
        "--batch-tokens", "20", "--window", "7");
    Run run = spark("translate", "--model", translator.toString(), "--engine", "pytorch", "--input", input.toString(),
        "--output", dir.resolve("out").toString(), "--master", "local[2]", "--partitions", "9", "--beam", "3",
        "--batch-tokens", "20", "--window", "7");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(concatenated(dir.resolve("out"))).isEqualTo(expected);
    assertThat(expected.lines()).hasSize(60);
  }

  @Test
  void defaultRangesGiveEachCoreSeveralWholeWindows() {
    assertThat(BatchJob.defaultRanges(2, 200_000, 2000)).isEqualTo(2 * BatchJob.RANGES_PER_CORE);
    assertThat(BatchJob.defaultRanges(2, 20_000, 2000)).isEqualTo(10);
    assertThat(BatchJob.defaultRanges(2, 3000, 2000)).isEqualTo(2);
    assertThat(BatchJob.defaultRanges(2, 1, 2000)).isEqualTo(1);
    assertThat(BatchJob.defaultRanges(2, 0, 2000)).isEqualTo(1);
  }

  @Test
  void translatesEmptyAndOneLineInputs() throws Exception {
    for (String text : new String[] {"", "ka lo mi\n"}) {
      Path input = Files.writeString(dir.resolve("in" + text.length() + ".es"), text);
      Path out = dir.resolve("out" + text.length());
      Run run = spark("translate", "--model", translator.toString(), "--input", input.toString(), "--output",
          out.toString(), "--master", "local[1]");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(concatenated(out)).isEqualTo(singleProcessTranslation(input));
    }
  }

  @Test
  void labelsTextLikeSeqpipePredict() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "the phone was great\nbroken screen\n\nit is quite fine\n");
    Run run = spark("predict", "--model", classifier.toString(), "--input", input.toString(), "--output",
        dir.resolve("out").toString(), "--master", "local[2]", "--partitions", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Run single = seqpipe(SeqpipeCommand.commandLine(), "predict", "--model", classifier.toString(), "--input",
        input.toString());
    assertThat(concatenated(dir.resolve("out"))).isEqualTo(single.out()).hasLineCount(4);
  }

  @Test
  void addsResultColumnsToParquetTables() throws Exception {
    List<String> texts = ToyTranslation.sources(12, 8).lines().toList();
    Path table = parquet(texts);
    Run run = spark("translate", "--model", translator.toString(), "--input", table.toString(), "--column", "source",
        "--output", dir.resolve("out").toString(), "--master", "local[2]");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path input = Files.write(dir.resolve("in.es"), texts);
    List<String> expected = singleProcessTranslation(input).lines().toList();
    List<Row> out = rowsById(dir.resolve("out"));
    assertThat(out).hasSize(12);
    for (Row row : out) {
      assertThat(row.getString(1)).isEqualTo(texts.get((int) row.getLong(0)));
      assertThat(row.getString(2)).isEqualTo(expected.get((int) row.getLong(0)));
      assertThat(row.getDouble(3)).isNegative();
    }
  }

  @Test
  void labelsParquetTablesLikeSeqpipePredict() throws Exception {
    List<String> texts = List.of("the phone was great", "broken screen", "", "it is quite fine", "terrible battery");
    Run run = spark("predict", "--model", classifier.toString(), "--input", parquet(texts).toString(), "--column",
        "source", "--output", dir.resolve("out").toString(), "--master", "local[2]", "--partitions", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path input = Files.write(dir.resolve("in.txt"), texts);
    List<String> expected = seqpipe(SeqpipeCommand.commandLine(), "predict", "--model", classifier.toString(),
        "--input", input.toString()).out().lines().toList();
    List<Row> out = rowsById(dir.resolve("out"));
    assertThat(out).hasSize(texts.size());
    for (Row row : out) {
      int id = (int) row.getLong(0);
      assertThat(row.getString(1)).isEqualTo(texts.get(id));
      assertThat(String.format(java.util.Locale.ROOT, "%s\t%.6f", row.getString(2), row.getDouble(3)))
          .isEqualTo(expected.get(id));
    }
  }

  /** A Parquet table of the texts: columns {@code id} (the line number) and {@code source}. */
  private Path parquet(List<String> texts) throws IOException {
    Path table = dir.resolve("in.parquet");
    try (SparkSession spark = localSession()) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        rows.add(org.apache.spark.sql.RowFactory.create((long) i, texts.get(i)));
      }
      spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType().add("id", "long").add("source", "string"))
          .coalesce(1).write().parquet(table.toString());
    }
    return table;
  }

  /** A job's Parquet output, ordered by {@code id}. */
  private static List<Row> rowsById(Path output) throws IOException {
    try (SparkSession spark = localSession()) {
      return spark.read().parquet(output.toString()).orderBy("id").collectAsList();
    }
  }

  private static SparkSession localSession() {
    return SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
  }

  @Test
  void refusesBadInputInOneLine() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), "ka lo\n");
    Path missing = dir.resolve("missing");
    assertThat(spark("translate", "--model", missing.toString(), "--input", input.toString(), "--output",
        dir.resolve("a").toString())).satisfies(r -> assertOneLine(r));
    assertThat(spark("translate", "--model", translator.toString(), "--input", missing.toString(), "--output",
        dir.resolve("b").toString(), "--conf", "spark.ui.enabled=false")).satisfies(r -> assertOneLine(r));
    assertThat(spark("predict", "--model", translator.toString(), "--input", input.toString(), "--output",
        dir.resolve("c").toString())).satisfies(r -> assertOneLine(r));
    Path json = Files.writeString(dir.resolve("in.json"), "{\"text\": \"ka lo\"}\n");
    Run unknownColumn = spark("translate", "--model", translator.toString(), "--input", json.toString(), "--column",
        "source", "--output", dir.resolve("d").toString(), "--conf", "spark.ui.enabled=false");
    assertOneLine(unknownColumn);
    assertThat(unknownColumn.err()).contains("no column 'source' (columns: text)");
  }

  private static void assertOneLine(Run run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).as(run.err()).hasSize(1).allMatch(l -> l.startsWith("seqpipe: "));
  }

  record Run(int exitCode, String out, String err) {}

  static Run spark(String... args) {
    List<String> all = new ArrayList<>(List.of("spark"));
    all.addAll(List.of(args));
    if (!all.contains("spark.ui.enabled=false")) {
      all.addAll(List.of("--conf", "spark.ui.enabled=false"));
    }
    return seqpipe(SparkCommand.commandLine(), all.toArray(String[]::new));
  }

  static Run seqpipe(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  String singleProcessTranslation(Path input, String... options) throws IOException {
    Path output = dir.resolve("single-" + input.getFileName());
    List<String> args = new ArrayList<>(List.of("translate", "--model", translator.toString(), "--input",
        input.toString(), "--output", output.toString()));
    args.addAll(List.of(options));
    assertThat(seqpipe(SeqpipeCommand.commandLine(), args.toArray(String[]::new)).exitCode()).isZero();
    return Files.readString(output);
  }

  /** The part files of a job's output, concatenated in name order. */
  static String concatenated(Path output) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(output)) {
      for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        all.append(Files.readString(part));
      }
    }
    return all.toString();
  }
}
