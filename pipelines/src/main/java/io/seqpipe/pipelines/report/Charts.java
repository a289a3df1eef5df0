package io.seqpipe.pipelines.report;

import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ConfusionMatrix;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The PNG charts of HTML reports, drawn with XChart (headless) and written atomically.
 *
 * <pre>{@code
 * Charts.curve(dir.resolve("loss.png"), "Training loss", "loss", epochs, losses);
 * Charts.confusion(dir.resolve("confusion.png"), "Confusion matrix (test)", matrix);
 * }</pre>
 */
public final class Charts {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 340;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** A line over epochs. */
  public static void curve(Path file, String title, String yTitle, double[] epochs, double[] values) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yTitle)
        .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.addSeries(yTitle, epochs, values);
    save(file, chart);
  }

  /** Gold labels down, predicted labels across, counts in the cells. */
  public static void confusion(Path file, String title, ConfusionMatrix matrix) throws IOException {
    List<String> labels = matrix.labels();
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(Math.max(HEIGHT, 120 + 40 * labels.size()))
        .title(title).xAxisTitle("predicted").yAxisTitle("gold").build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x08306B)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    List<Number[]> cells = new ArrayList<>();
    for (int gold = 0; gold < labels.size(); gold++) {
      for (int predicted = 0; predicted < labels.size(); predicted++) {
        // rows from the top: the first gold label is drawn highest
        cells.add(new Number[] {predicted, labels.size() - 1 - gold, matrix.count(gold, predicted)});
      }
    }
    List<String> bottomUp = new ArrayList<>(labels);
    Collections.reverse(bottomUp);
    chart.addSeries("confusion", labels, bottomUp, cells);
    save(file, chart);
  }

  private static void save(Path file, Chart<?, ?> chart) throws IOException {
    AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
  }
}
