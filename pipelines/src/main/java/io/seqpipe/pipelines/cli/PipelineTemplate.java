package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.series.TimeFormat;
import io.seqpipe.nlp.series.TimeStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A commented starting pipeline for {@code seqpipe init}: sensible defaults, and the data found in a
 * directory (classify: train/dev/test TSV or CSV files and their text and label columns; translate: the
 * {@code PREFIX.xx}/{@code PREFIX.yy} files of train and dev). Without a directory, classify uses the
 * {@code uci-sentiment} dataset and translate expects {@code data/train.de|en} and {@code data/dev.de|en}.
 *
 * <pre>{@code
 * String text = PipelineTemplate.classify(Path.of("data"), Path.of("."), false);   // .pipe text
 * }</pre>
 */
final class PipelineTemplate {
  private static final List<String> TEXT_COLUMNS = List.of("text", "sentence", "review", "content", "body", "comment");
  private static final List<String> LABEL_COLUMNS = List.of("label", "class", "sentiment", "category", "target", "y");
  private static final List<String> TIME_COLUMNS = List.of("date", "time", "datetime", "timestamp", "month", "ds");
  private static final List<String> TARGET_COLUMNS = List.of("y", "value", "target", "sales", "demand", "load");
  private static final Pattern LANGUAGE_FILE = Pattern.compile("(.*)\\.([a-z]{2,3})");

  private PipelineTemplate() {}

  /** A classify pipeline over {@code data} (null: the uci-sentiment dataset), paths relative to {@code base}. */
  static String classify(Path data, Path base, boolean yaml) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    String dataComment;
    if (data == null) {
      entries.put("dataset", "uci-sentiment");
      dataComment = "a pinned dataset (seqpipe data list); or your files: train, dev, test, text, label";
    } else {
      Map<String, Path> files = new TreeMap<>();
      for (String role : List.of("train", "dev", "test")) {
        find(data, role).ifPresent(file -> files.put(role, file));
      }
      if (!files.containsKey("train") || !files.containsKey("dev")) {
        throw new IllegalArgumentException(data + ": expected train and dev files (train.tsv, dev.tsv, or .csv) in it");
      }
      for (String role : List.of("train", "dev", "test")) {
        if (files.containsKey(role)) {
          entries.put(role, relative(base, files.get(role)));
        }
      }
      if (!files.containsKey("test")) {
        entries.put("test_split", "0.1");
      }
      List<String> header = header(files.get("train"));
      entries.put("text", pick(header, TEXT_COLUMNS, header.get(header.size() - 1)));
      entries.put("label", pick(header, LABEL_COLUMNS, header.get(0)));
      dataComment = "found in " + data + "; text and label name the columns of the header";
    }
    return (yaml ? CLASSIFY_YAML : CLASSIFY_PIPE).formatted(dataComment, block(entries, yaml));
  }

  /** A translate pipeline over the language-suffixed files in {@code data} (null: data/train.de|en and dev). */
  static String translate(Path data, Path base, boolean yaml) throws IOException {
    String source = "de";
    String target = "en";
    Map<String, String> entries = new LinkedHashMap<>();
    String dataComment;
    if (data == null) {
      entries.put("train", "data/train");
      entries.put("dev", "data/dev");
      dataComment = "line-aligned files: data/train.de and data/train.en, data/dev.de and data/dev.en";
    } else {
      Map<String, TreeSet<String>> languages = new TreeMap<>();
      try (Stream<Path> files = Files.list(data)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Matcher matcher = LANGUAGE_FILE.matcher(file.getFileName().toString());
          if (matcher.matches()) {
            languages.computeIfAbsent(matcher.group(1), p -> new TreeSet<>()).add(matcher.group(2));
          }
        }
      }
      TreeSet<String> pair = languages.get("train");
      if (pair == null || pair.size() != 2 || !pair.equals(languages.get("dev"))) {
        throw new IllegalArgumentException(data + ": expected train.xx, train.yy, dev.xx and dev.yy for two languages"
            + " xx and yy, found " + languages);
      }
      target = pair.contains("en") ? "en" : pair.last();
      source = pair.first().equals(target) ? pair.last() : pair.first();
      for (String prefix : List.of("train", "dev", "test")) {
        if (pair.equals(languages.get(prefix))) {
          entries.put(prefix, relative(base, data.resolve(prefix)));
        }
      }
      if (!entries.containsKey("test")) {
        entries.put("test_split", "0.05");
      }
      dataComment = "found in " + data + ": PREFIX." + source + " and PREFIX." + target + ", one sentence a line";
    }
    return (yaml ? TRANSLATE_YAML : TRANSLATE_PIPE).formatted(source, target, dataComment, block(entries, yaml));
  }

  /**
   * A forecast pipeline over the train/dev[/test] CSV files in {@code data} (null: data/train.csv and
   * data/dev.csv with columns date and y): the time column (the first whose value is a time), a target
   * picked from the header, calendar features that fit the step of the first two rows.
   */
  static String forecast(Path data, Path base, boolean yaml) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    String dataComment;
    String calendar = "day_of_week, month, holiday_us";
    if (data == null) {
      entries.put("train", "data/train.csv");
      entries.put("dev", "data/dev.csv");
      entries.put("time", "date");
      entries.put("target", "y");
      dataComment = "CSV files with a header, each continuing the one before: a time column and the target";
    } else {
      Map<String, Path> files = new TreeMap<>();
      for (String role : List.of("train", "dev", "test")) {
        Path file = data.resolve(role + ".csv");
        if (Files.isRegularFile(file)) {
          files.put(role, file);
        }
      }
      if (!files.containsKey("train") || !files.containsKey("dev")) {
        throw new IllegalArgumentException(data + ": expected train.csv and dev.csv (and test.csv) in it");
      }
      for (String role : List.of("train", "dev", "test")) {
        if (files.containsKey(role)) {
          entries.put(role, relative(base, files.get(role)));
        }
      }
      List<String> header = header(files.get("train"));
      String time = timeColumn(files.get("train"), header);
      List<String> others = header.stream().filter(column -> !column.equals(time)).toList();
      if (others.isEmpty()) {
        throw new IllegalArgumentException(files.get("train") + ": expected a target column beside " + time);
      }
      entries.put("time", time);
      entries.put("target", pick(others, TARGET_COLUMNS, others.get(0)));
      calendar = calendarFor(files.get("train"), header.indexOf(time));
      dataComment = "found in " + data + "; the other columns can be covariates: features [a, b]";
    }
    return (yaml ? FORECAST_YAML : FORECAST_PIPE).formatted(dataComment, block(entries, yaml), calendar);
  }

  /** The first column whose first value is a time, else one named like a time column. */
  private static String timeColumn(Path file, List<String> header) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      String first = reader.readLine();
      for (int column = 0; first != null && column < header.size(); column++) {
        if (TimeFormat.detect(field(first, column)) != null) {
          return header.get(column);
        }
      }
    }
    return pick(header, TIME_COLUMNS, header.get(0));
  }

  /** Calendar features that fit the step between the first two rows' times: none when it is not days or months. */
  private static String calendarFor(Path file, int timeColumn) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.readLine();
      String first = reader.readLine();
      String second = reader.readLine();
      TimeFormat format = first == null ? null : TimeFormat.detect(field(first, timeColumn));
      TimeStep step = format == null || second == null ? null
          : TimeStep.between(format.parse(field(first, timeColumn)), format.parse(field(second, timeColumn)));
      if (step == null) {
        return "";
      }
      return step.seconds() == 86_400 ? "day_of_week, month, holiday_us" : step.months() == 1 ? "month" : "";
    }
  }

  private static String field(String line, int column) {
    String[] fields = line.split(",", -1);
    return column < fields.length ? fields[column].strip().replace("\"", "") : "";
  }

  private static Optional<Path> find(Path directory, String role) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals(role + ".tsv") || name.equals(role + ".csv");
      }).sorted().findFirst();
    }
  }

  private static List<String> header(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw new IllegalArgumentException(file + ": expected a header line naming the columns");
      }
      String separator = file.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "," : "\t";
      List<String> columns = new ArrayList<>();
      for (String column : line.split(separator, -1)) {
        columns.add(column.strip().replace("\"", ""));
      }
      return columns;
    }
  }

  private static String pick(List<String> header, List<String> preferred, String fallback) {
    for (String name : preferred) {
      for (String column : header) {
        if (column.equalsIgnoreCase(name)) {
          return column;
        }
      }
    }
    return fallback;
  }

  private static String relative(Path base, Path file) {
    return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** The data entries: {@code key "value"} lines, or YAML {@code key: "value"} lines; numbers and names bare. */
  private static String block(Map<String, String> entries, boolean yaml) {
    StringBuilder out = new StringBuilder();
    entries.forEach((key, value) -> {
      boolean bare = value.matches("[0-9.]+") || key.equals("dataset");
      String quoted = bare ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      out.append(yaml ? "  " + key + ": " + quoted : "    " + key + " " + quoted).append('\n');
    });
    return out.toString().stripTrailing();
  }

  private static final String CLASSIFY_PIPE = """
      # A text classifier: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE'.
      pipeline classifier : classify {
        data {
          # %s
      %s
        }
        analyzer standard                 # a preset (english, whitespace, ...) or a Lucene chain { ... }
        embeddings learned(dim: 100)      # or glove(dataset: glove-6b-100d, frozen: true), or glove("vectors.txt")
        encoder bilstm(hidden: 128, layers: 1, dropout: 0.3)
        pooling attention                 # or last, mean, max
        train {
          optimizer adam(lr: 1e-3)
          epochs 10
          batch 32
          early_stop(metric: f1_macro, patience: 3)   # keeps the best epoch by the dev metric
        }
        evaluate accuracy, f1_macro, f1_micro, f1_weighted
      }
      """;

  private static final String CLASSIFY_YAML = """
      # A text classifier: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE'.
      pipeline: classifier
      kind: classify
      data:
        # %s
      %s
      analyzer: standard                # a preset (english, whitespace, ...) or a Lucene chain
      embeddings: {type: learned, dim: 100}   # or {type: glove, dataset: glove-6b-100d, frozen: true}
      encoder: {type: bilstm, hidden: 128, layers: 1, dropout: 0.3}
      pooling: attention                # or last, mean, max
      train:
        optimizer: {type: adam, lr: 1.0e-3}
        epochs: 10
        batch: 32
        early_stop: {metric: f1_macro, patience: 3}   # keeps the best epoch by the dev metric
      evaluate: [accuracy, f1_macro, f1_micro, f1_weighted]
      """;

  private static final String TRANSLATE_PIPE = """
      # A translation model: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE --engine pytorch'.
      pipeline translator : translate {
        source %s
        target %s
        data {
          # %s
      %s
          max_length 60                   # longer training pairs are left out
        }
        analyzer wordpunct
        vocabulary(min_freq: 2, max_size: 20000)
        embeddings learned(dim: 256)
        encoder bigru(hidden: 256, layers: 1, dropout: 0.2)
        decoder gru(hidden: 512, attention: bahdanau, input_feeding: true)
        search beam(size: 5, alpha: 0.6)  # the test set is translated with beam search
        train {
          optimizer adam(lr: 1e-3)
          epochs 20
          batch_tokens 1500
          early_stop(metric: bleu, patience: 3)
          label_smoothing 0.1
        }
        evaluate bleu, chrf
      }
      """;

  private static final String TRANSLATE_YAML = """
      # A translation model: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE --engine pytorch'.
      pipeline: translator
      kind: translate
      source: %s
      target: %s
      data:
        # %s
      %s
        max_length: 60                  # longer training pairs are left out
      analyzer: wordpunct
      vocabulary: {min_freq: 2, max_size: 20000}
      embeddings: {type: learned, dim: 256}
      encoder: {type: bigru, hidden: 256, layers: 1, dropout: 0.2}
      decoder: {type: gru, hidden: 512, attention: bahdanau, input_feeding: true}
      search: {type: beam, size: 5, alpha: 0.6}   # the test set is translated with beam search
      train:
        optimizer: {type: adam, lr: 1.0e-3}
        epochs: 20
        batch_tokens: 1500
        early_stop: {metric: bleu, patience: 3}
        label_smoothing: 0.1
      evaluate: [bleu, chrf]
      """;

  private static final String FORECAST_PIPE = """
      # A forecast model: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE'.
      pipeline forecaster : forecast {
        data {
          # %s
      %s
          # season 7                      # the seasonal naive baseline's season; default: from the time step
        }
        window(input: 28, horizon: 7, stride: 1)   # steps of history read, steps forecast at once
        scale standard                    # or minmax, none; fitted on train only
        calendar [%s]                     # day_of_week, month, holiday_us
        encoder lstm(hidden: 64, layers: 2, dropout: 0.2)
        head dense
        train {
          optimizer adam(lr: 1e-3)
          epochs 30
          batch 64
          early_stop(metric: mae, patience: 5)   # keeps the best epoch by dev MAE
        }
        evaluate mae, rmse, mape, smape, mase
      }
      """;

  private static final String FORECAST_YAML = """
      # A forecast model: check it with 'seqpipe validate FILE', train it with 'seqpipe run FILE'.
      pipeline: forecaster
      kind: forecast
      data:
        # %s
      %s
      window: {input: 28, horizon: 7, stride: 1}   # steps of history read, steps forecast at once
      scale: standard                   # or minmax, none; fitted on train only
      calendar: [%s]                    # day_of_week, month, holiday_us
      encoder: {type: lstm, hidden: 64, layers: 2, dropout: 0.2}
      head: dense
      train:
        optimizer: {type: adam, lr: 1.0e-3}
        epochs: 30
        batch: 64
        early_stop: {metric: mae, patience: 5}   # keeps the best epoch by dev MAE
      evaluate: [mae, rmse, mape, smape, mase]
      """;
}
