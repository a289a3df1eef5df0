package io.seqpipe.nlp.series;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.io.Utf8Reader;
import io.seqpipe.nlp.series.SeriesColumns.MissingValues;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a time series from CSV with a header row (RFC 4180 quoting, UTF-8): the time column, the target
 * and covariate columns by name. Times must be of one form ({@link TimeFormat}) and a regular step
 * apart, the step set by the first two rows (or by the series continued); every problem is one line
 * naming the file and line: an unparseable time or number, a gap, a repeated or earlier time, a missing
 * value, a row of the wrong width. With {@link MissingValues#PREVIOUS}, a missing value takes the row
 * before's, and a gap is filled with copies of the row before it (at most {@value #MAX_FILLED} rows).
 *
 * <pre>{@code
 * SeriesReader reader = SeriesReader.of(new SeriesColumns("date", List.of("ridership"), List.of(), MissingValues.ERROR));
 * TimeSeries train = reader.read(Path.of("train.csv"));
 * TimeSeries dev = reader.continuing(train, Path.of("dev.csv"));   // must start one step after train ends
 * // "dev.csv:2:1: expected 2015-01-01 (one step of 1 day after the end of train.csv), found 2015-01-03"
 * }</pre>
 */
public final class SeriesReader {
  private static final Set<String> MISSING = Set.of("", "na", "nan", "null");
  /** The most rows one gap is filled with: a longer gap is more likely a mistyped time than missing data. */
  static final int MAX_FILLED = 10_000;
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

  private final SeriesColumns columns;

  private SeriesReader(SeriesColumns columns) {
    this.columns = columns;
  }

  public static SeriesReader of(SeriesColumns columns) {
    return new SeriesReader(columns);
  }

  /** A series on its own; it needs at least two rows to show its step. */
  public TimeSeries read(Path file) throws IOException {
    return read(file, null);
  }

  /** A series that continues {@code previous}: its first time is one step after {@code previous} ends. */
  public TimeSeries continuing(TimeSeries previous, Path file) throws IOException {
    return read(file, previous);
  }

  /** A series on its own from text already open; {@code source} names it in messages. */
  public TimeSeries read(Reader text, String source) throws IOException {
    return read(text, Path.of(source), null);
  }

  private TimeSeries read(Path file, TimeSeries previous) throws IOException {
    try (Reader reader = Utf8Reader.open(file)) {
      return read(reader, file, previous);
    }
  }

  private TimeSeries read(Reader reader, Path file, TimeSeries previous) throws IOException {
    try (CSVParser parser = CSV.parse(reader)) {
      try {
        return read(file, parser, previous);
      } catch (UncheckedIOException e) {
        throw new InputFormatException(file, parser.getCurrentLineNumber(), 1,
            "malformed row: " + Quote.of(e.getCause().getMessage()));
      }
    }
  }

  private TimeSeries read(Path file, CSVParser parser, TimeSeries previous) {
    Iterator<CSVRecord> rows = parser.iterator();
    if (!rows.hasNext()) {
      throw new InputFormatException(file, 1, 1, "expected a header row, found an empty file");
    }
    List<String> header = rows.next().toList();
    int timeColumn = column(file, header, columns.time());
    List<String> names = columns.values();
    int[] valueColumns = names.stream().mapToInt(name -> column(file, header, name)).toArray();
    TimeFormat format = previous == null ? null : previous.format();
    TimeStep step = previous == null ? null : previous.step();
    LocalDateTime last = previous == null ? null : previous.end();
    long lastLine = 0;
    List<LocalDateTime> times = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    double[] carried = previous == null ? null : previous.values()[previous.size() - 1];
    while (rows.hasNext()) {
      CSVRecord row = rows.next();
      long line = parser.getCurrentLineNumber();
      if (row.size() != header.size()) {
        throw new InputFormatException(file, line, 1,
            "expected " + header.size() + " fields as in the header, found " + row.size());
      }
      String timeText = row.get(timeColumn).strip();
      int timeAt = fieldColumn(row, timeColumn);
      if (format == null) {
        format = TimeFormat.detect(timeText);
        if (format == null) {
          throw new InputFormatException(file, line, timeAt, "expected a time in column " + Quote.quoted(columns.time())
              + " (YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]), found " + Quote.quoted(timeText));
        }
      }
      LocalDateTime time = format.parse(timeText);
      if (time == null) {
        throw new InputFormatException(file, line, timeAt, "expected " + format.description() + " in column "
            + Quote.quoted(columns.time()) + " like the rows before, found " + Quote.quoted(timeText));
      }
      if (last != null) {
        if (step == null) {
          step = TimeStep.between(last, time);
          if (step == null) {
            throw new InputFormatException(file, line, timeAt, "expected a time after " + format.format(last)
                + " (line " + lastLine + "), found " + Quote.quoted(timeText));
          }
        } else {
          LocalDateTime expected = step.next(last);
          String after = lastLine == 0 ? "the end of " + previous.source() : "line " + lastLine;
          if (columns.missing() == MissingValues.PREVIOUS && time.isAfter(expected)) {
            int missing = stepsBetween(expected, time, step);
            if (missing > MAX_FILLED) {
              throw new InputFormatException(file, line, timeAt, "found " + Quote.quoted(timeText) + ", more than "
                  + MAX_FILLED + " steps of " + step.describe() + " after " + after + ": a gap too long to fill");
            }
            for (int i = 0; i < missing && step.next(expected).compareTo(time) <= 0; i++) {
              times.add(expected);
              values.add(carried);
              lines.add(line);
              expected = step.next(expected);
            }
          }
          if (!time.equals(expected)) {
            throw new InputFormatException(file, line, timeAt, "expected " + format.format(expected) + " (one step of "
                + step.describe() + " after " + after + "), found " + Quote.quoted(timeText)
                + (time.isAfter(expected) && columns.missing() == MissingValues.ERROR
                    ? " (a gap; declare missing previous to fill gaps with the last row)" : ""));
          }
        }
      }
      double[] parsed = new double[valueColumns.length];
      for (int i = 0; i < valueColumns.length; i++) {
        String text = row.get(valueColumns[i]).strip();
        if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
          if (columns.missing() == MissingValues.PREVIOUS && carried != null) {
            parsed[i] = carried[i];
            continue;
          }
          throw new InputFormatException(file, line, fieldColumn(row, valueColumns[i]), "missing value in column "
              + Quote.quoted(names.get(i)) + (columns.missing() == MissingValues.PREVIOUS
                  ? " and no earlier row to carry forward" : " (declare missing previous to carry the last value forward)"));
        }
        parsed[i] = number(file, line, fieldColumn(row, valueColumns[i]), names.get(i), text);
      }
      times.add(time);
      values.add(parsed);
      lines.add(line);
      carried = parsed;
      last = time;
      lastLine = line;
    }
    if (times.isEmpty()) {
      throw new InputFormatException(file, 2, 1, "expected at least one row after the header, found none");
    }
    if (step == null) {
      throw new InputFormatException(file, 2, 1, "expected at least two rows to tell the time step, found one");
    }
    return new TimeSeries(file.toString(), format, step, times, columns, values.toArray(double[][]::new),
        lines.stream().mapToLong(Long::longValue).toArray());
  }

  /** Steps from {@code from} until {@code to} is reached or passed, counting at most {@link #MAX_FILLED} + 1. */
  private static int stepsBetween(LocalDateTime from, LocalDateTime to, TimeStep step) {
    int steps = 0;
    for (LocalDateTime time = from; time.isBefore(to) && steps <= MAX_FILLED; time = step.next(time)) {
      steps++;
    }
    return steps;
  }

  private static double number(Path file, long line, int column, String name, String text) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value) && !text.endsWith("d") && !text.endsWith("f") && !text.endsWith("D")
          && !text.endsWith("F")) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputFormatException(file, line, column, "expected a number in column " + Quote.quoted(name) + ", found "
        + Quote.quoted(text));
  }

  /** The 1-based character column where field {@code index} starts (exact when the fields before it are unquoted). */
  private static int fieldColumn(CSVRecord row, int index) {
    int column = 1;
    for (int i = 0; i < index; i++) {
      column += row.get(i).length() + 1;
    }
    return column;
  }

  private int column(Path file, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InputFormatException(file, 1, 1,
          "expected a column " + Quote.quoted(name) + "; the header has: " + Quote.of(String.join(", ", header)));
    }
    return index;
  }
}
