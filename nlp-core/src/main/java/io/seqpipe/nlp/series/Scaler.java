package io.seqpipe.nlp.series;

import java.util.Arrays;

/**
 * Per-column scaling of series values, fitted on the training rows only and stored with the model:
 * {@code standard} (mean 0, standard deviation 1), {@code minmax} (0 to 1) or {@code none}. A column
 * that does not vary keeps a scale of 1.
 *
 * <pre>{@code
 * Scaler scaler = Scaler.fit("standard", train.values());
 * double z = scaler.scale(0, 12.3);
 * double back = scaler.unscale(0, z);    // 12.3
 * }</pre>
 *
 * @param method {@code standard}, {@code minmax} or {@code none}
 * @param shift per column, subtracted first
 * @param scale per column, divided by after
 */
public record Scaler(String method, double[] shift, double[] scale) {

  public Scaler {
    if (shift.length != scale.length) {
      throw new IllegalArgumentException("shift and scale differ in length: " + shift.length + " and " + scale.length);
    }
    shift = shift.clone();
    scale = scale.clone();
  }

  /** Fits {@code method} on {@code rows} (per row, one value per column). */
  public static Scaler fit(String method, double[][] rows) {
    int columns = rows[0].length;
    double[] shift = new double[columns];
    double[] scale = new double[columns];
    Arrays.fill(scale, 1);
    for (int c = 0; c < columns; c++) {
      switch (method) {
        case "standard" -> {
          double sum = 0;
          for (double[] row : rows) {
            sum += row[c];
          }
          double mean = sum / rows.length;
          double squares = 0;
          for (double[] row : rows) {
            squares += (row[c] - mean) * (row[c] - mean);
          }
          shift[c] = mean;
          scale[c] = nonZero(Math.sqrt(squares / rows.length));
        }
        case "minmax" -> {
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (double[] row : rows) {
            min = Math.min(min, row[c]);
            max = Math.max(max, row[c]);
          }
          shift[c] = min;
          scale[c] = nonZero(max - min);
        }
        case "none" -> { }
        default -> throw new IllegalArgumentException("unknown scaling '" + method + "' (known: standard, minmax, none)");
      }
    }
    return new Scaler(method, shift, scale);
  }

  private static double nonZero(double spread) {
    return spread > 0 ? spread : 1;
  }

  public double scale(int column, double value) {
    return (value - shift[column]) / scale[column];
  }

  public double unscale(int column, double value) {
    return value * scale[column] + shift[column];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scaler s && method.equals(s.method) && Arrays.equals(shift, s.shift)
        && Arrays.equals(scale, s.scale);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * method.hashCode() + Arrays.hashCode(shift)) + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return method + Arrays.toString(shift) + "/" + Arrays.toString(scale);
  }
}
