package io.seqpipe.nlp.series;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A regular time series as read from a file: the time of each row, and per row the values of the
 * targets (first) and covariates (after them), with the line each row came from.
 *
 * <pre>{@code
 * TimeSeries train = SeriesReader.of(columns).read(Path.of("train.csv"));
 * double first = train.value(0, 0);              // the first target's first value
 * TimeSeries all = train.append(dev);            // dev continues where train ends
 * }</pre>
 *
 * @param source the file, for messages
 * @param times one per row, a step apart
 * @param values per row: targets, then covariates
 * @param lines the 1-based line of each row in {@code source}
 */
public record TimeSeries(String source, TimeFormat format, TimeStep step, List<LocalDateTime> times,
    SeriesColumns columns, double[][] values, long[] lines) {

  public TimeSeries {
    times = List.copyOf(times);
  }

  public int size() {
    return times.size();
  }

  /** The value of column {@code column} (targets first, then covariates) at row {@code row}. */
  public double value(int row, int column) {
    return values[row][column];
  }

  /** The time of the last row. */
  public LocalDateTime end() {
    return times.get(times.size() - 1);
  }

  /** The time one step after the last row: where a continuation starts and a forecast begins. */
  public LocalDateTime next() {
    return step.next(end());
  }

  /** The values of one column, in time order. */
  public double[] column(int column) {
    double[] out = new double[values.length];
    for (int row = 0; row < out.length; row++) {
      out[row] = values[row][column];
    }
    return out;
  }

  /** This series followed by {@code next}, which continues it (the reader checked that it does). */
  public TimeSeries append(TimeSeries next) {
    List<LocalDateTime> allTimes = new ArrayList<>(times);
    allTimes.addAll(next.times);
    double[][] allValues = Arrays.copyOf(values, values.length + next.values.length);
    System.arraycopy(next.values, 0, allValues, values.length, next.values.length);
    long[] allLines = Arrays.copyOf(lines, lines.length + next.lines.length);
    System.arraycopy(next.lines, 0, allLines, lines.length, next.lines.length);
    return new TimeSeries(source + "+" + next.source, format, step, allTimes, columns, allValues, allLines);
  }
}
