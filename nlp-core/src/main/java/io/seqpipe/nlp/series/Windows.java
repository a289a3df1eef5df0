package io.seqpipe.nlp.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Sliding windows over a series: a window at origin {@code t} reads the {@code input} rows before
 * {@code t} and forecasts the {@code horizon} rows from {@code t} on. Windows of a split forecast rows
 * of that split only, and take their history from wherever it is: the first dev windows read the end of
 * train, the first test windows the end of dev.
 *
 * <pre>{@code
 * Windows windows = new Windows(28, 7, 1);
 * int[] train = windows.origins(0, trainRows, 1);                       // strided: windows.stride()
 * int[] dev = windows.origins(trainRows, trainRows + devRows, 1);       // history from train's end
 * }</pre>
 *
 * @param input rows read before the origin
 * @param horizon rows forecast from the origin on
 * @param stride rows between the origins of consecutive training windows
 */
public record Windows(int input, int horizon, int stride) {

  public Windows {
    if (input < 1 || horizon < 1 || stride < 1) {
      throw new IllegalArgumentException("input, horizon and stride must be at least 1, found " + input + ", " + horizon
          + ", " + stride);
    }
  }

  /**
   * The origins of the windows that forecast rows in {@code [from, to)} of a series whose rows before
   * {@code from} are history, {@code step} apart: every origin {@code t >= from} with {@code input} rows
   * before it and {@code t + horizon <= to}.
   */
  public int[] origins(int from, int to, int step) {
    List<Integer> origins = new ArrayList<>();
    for (int t = Math.max(from, input); t + horizon <= to; t += step) {
      origins.add(t);
    }
    return origins.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The training windows of the first {@code rows} rows: {@link #stride()} apart. */
  public int[] trainingOrigins(int rows) {
    return origins(0, rows, stride);
  }

  /** The windows forecasting rows {@code [from, to)}, one per origin, for evaluation. */
  public int[] evaluationOrigins(int from, int to) {
    return origins(from, to, 1);
  }
}
