package io.seqpipe.pipelines.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * A learnable daily series for tests: a slow sine (period 50 days), a weekly pattern and Gaussian noise,
 * with a covariate that leads the series by a day; written as train, dev and test CSVs that continue one
 * another, and a forecast pipeline over them.
 */
public final class SyntheticSeries {
  static final int TRAIN = 700;
  static final int DEV = 120;
  static final int TEST = 120;
  private static final double[] WEEK = {0, 4, 5, 5, 4, -6, -9};

  private SyntheticSeries() {}

  public static final String PIPELINE = """
      pipeline synthetic : forecast {
        data { train "train.csv"; dev "dev.csv"; test "test.csv"; time "date"; target "y"; features [x] }
        window(input: 21, horizon: 3, stride: 1)
        scale standard
        calendar [day_of_week]
        encoder lstm(hidden: 24, layers: 1, dropout: 0.0)
        head dense
        train { optimizer adam(lr: 5e-3); epochs 12; batch 32; early_stop(metric: mae, patience: 4); seed 7 }
        evaluate mae, rmse, mape, smape, mase
      }
      """;

  /** The value of day {@code t}, without noise. */
  static double level(int t) {
    return 50 + 10 * Math.sin(2 * Math.PI * t / 50.0) + WEEK[Math.floorMod(t, 7)];
  }

  /** Writes train.csv, dev.csv, test.csv and synthetic.pipe into {@code dir}; returns the pipeline file. */
  public static Path write(Path dir) throws IOException {
    Random random = new Random(11);
    StringBuilder[] files = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
    LocalDate start = LocalDate.of(2020, 1, 6); // a Monday: day t has weekday t mod 7
    for (int t = 0; t < TRAIN + DEV + TEST; t++) {
      StringBuilder out = files[t < TRAIN ? 0 : t < TRAIN + DEV ? 1 : 2];
      if (out.length() == 0) {
        out.append("date,y,x\n");
      }
      out.append(start.plusDays(t)).append(',')
          .append(String.format(Locale.ROOT, "%.4f,%.4f", level(t) + random.nextGaussian(), level(t + 1) / 10))
          .append('\n');
    }
    Files.writeString(dir.resolve("train.csv"), files[0]);
    Files.writeString(dir.resolve("dev.csv"), files[1]);
    Files.writeString(dir.resolve("test.csv"), files[2]);
    return Files.writeString(dir.resolve("synthetic.pipe"), PIPELINE);
  }
}
