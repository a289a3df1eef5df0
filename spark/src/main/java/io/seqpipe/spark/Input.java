package io.seqpipe.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A job's input: text files (a file, a directory or a glob; one text a line, in the order of the files'
 * names, then of their lines) or a Parquet or JSON table with the texts in a string column. The format is
 * {@code text} unless given or named by the extension ({@code .parquet}, {@code .json}, {@code .jsonl}).
 *
 * <pre>{@code
 * Input input = Input.of("data/news-*.de", Input.Format.AUTO, null);
 * Input.Loaded loaded = input.load(spark);   // rows in input order, the text at loaded.textColumn()
 * }</pre>
 *
 * @param path a path or glob, in any file system Hadoop reads
 * @param column the name of the text column of a table, null for text
 */
record Input(String path, Format format, String column) {
  /** How the input is written. */
  enum Format { AUTO, TEXT, PARQUET, JSON }

  private static final String TEXT_COLUMN = "text";

  /** The input, its format settled; refuses a table without a column and text with one. */
  static Input of(String path, Format format, String column) {
    Format settled = format != Format.AUTO ? format : byExtension(path);
    if (settled == Format.TEXT && column != null) {
      throw new IllegalArgumentException(path + ": --column applies to Parquet and JSON input, not to text files");
    }
    if (settled != Format.TEXT && column == null) {
      throw new IllegalArgumentException(path + ": " + settled.name().toLowerCase(Locale.ROOT)
          + " input needs --column NAME, the column holding the texts");
    }
    return new Input(path, settled, column);
  }

  boolean isText() {
    return format == Format.TEXT;
  }

  /**
   * The rows, in input order (text files: one row a line, the line its only column, {@code text}), their
   * columns and the position of the text among them.
   */
  Loaded load(SparkSession spark) throws IOException {
    List<String> files = files(spark.sparkContext().hadoopConfiguration());
    if (isText()) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Row> rows = files.isEmpty() ? sc.emptyRDD() : sc.textFile(String.join(",", files)).map(RowFactory::create);
      return new Loaded(rows, new StructType().add(TEXT_COLUMN, DataTypes.StringType), 0);
    }
    Dataset<Row> table = spark.read().format(format.name().toLowerCase(Locale.ROOT)).load(path);
    return new Loaded(table.javaRDD(), table.schema(), textColumn(table.schema()));
  }

  /** Rows read, their columns, and the position of the text in each. */
  record Loaded(JavaRDD<Row> rows, StructType schema, int textColumn) {}

  private int textColumn(StructType schema) {
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(path + ": no column '" + column + "' (columns: "
          + String.join(", ", schema.fieldNames()) + ")");
    }
    StructField field = schema.apply(column);
    if (!field.dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(path + ": column '" + column + "' holds " + field.dataType().simpleString()
          + ", not text");
    }
    return schema.fieldIndex(column);
  }

  /**
   * The files the path names, each checked readable: a glob's matches and a directory's files (not those
   * starting with {@code _} or {@code .}, as Hadoop skips them), sorted by name.
   */
  private List<String> files(Configuration hadoop) throws IOException {
    Path pattern = new Path(path);
    FileSystem fs = pattern.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(pattern);
    if (matches == null || matches.length == 0) {
      throw new IllegalArgumentException(path + ": no such file");
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus match : sorted(matches)) {
      if (match.isDirectory()) {
        for (FileStatus file : sorted(fs.listStatus(match.getPath()))) {
          String name = file.getPath().getName();
          if (file.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
            files.add(file);
          }
        }
      } else {
        files.add(match);
      }
    }
    List<String> names = new ArrayList<>(files.size());
    for (FileStatus file : files) {
      try (InputStream in = fs.open(file.getPath())) {
        names.add(file.getPath().toString());
      } catch (IOException e) {
        throw new IllegalArgumentException(file.getPath() + ": unreadable (" + e.getMessage() + ")");
      }
    }
    return names;
  }

  private static List<FileStatus> sorted(FileStatus[] statuses) {
    return Arrays.stream(statuses).sorted(Comparator.comparing(s -> s.getPath().getName())).toList();
  }

  private static Format byExtension(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    return name.endsWith(".json") || name.endsWith(".jsonl") ? Format.JSON : Format.TEXT;
  }
}
