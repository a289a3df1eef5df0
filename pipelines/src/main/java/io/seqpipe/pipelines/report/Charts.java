package io.seqpipe.pipelines.report;

import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ConfusionMatrix;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The PNG charts of HTML reports, drawn with XChart (headless) and written atomically.
 *
 * <pre>{@code
 * Charts.curve(dir.resolve("loss.png"), "Training loss", "loss", epochs, losses);
 * Charts.scatter(dir.resolve("dev-lr.png"), "dev f1_macro by lr", "lr", "dev f1_macro", lrs, devs, true);
 * Charts.confusion(dir.resolve("confusion.png"), "Confusion matrix (test)", matrix);
 * Charts.attention(dir.resolve("attention-1.png"), "Sample 1", sourceTokens, outputTokens, weights);
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

  /** Several named lines over the same x values, with a legend (series drawn in the map's order). */
  public static void lines(Path file, String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH * 2).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(x.length > 60 ? 0 : 6);
    series.forEach((name, y) -> chart.addSeries(name, x, y));
    save(file, chart);
  }

  /** Points without lines, e.g. a sweep's dev metric against one parameter; a log x axis if {@code logX}. */
  public static void scatter(Path file, String title, String xTitle, String yTitle, double[] x, double[] y, boolean logX)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.addSeries(yTitle, x, y);
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

  /**
   * Attention weights of a translation: source tokens across, output tokens down (first at the top),
   * darker where the output token attended more.
   *
   * @param weights one row per output token, one column per source token
   */
  public static void attention(Path file, String title, List<String> source, List<String> output, float[][] weights)
      throws IOException {
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(WIDTH, 160 + 34 * source.size()))
        .height(Math.max(HEIGHT, 140 + 24 * output.size())).title(title).xAxisTitle("source").yAxisTitle("output")
        .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(new Color[] {new Color(0xFFFFFF), new Color(0xFDAE6B), new Color(0x7F2704)});
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(1);
    List<Number[]> cells = new ArrayList<>();
    for (int out = 0; out < output.size(); out++) {
      for (int in = 0; in < source.size(); in++) {
        cells.add(new Number[] {in, output.size() - 1 - out, in < weights[out].length ? weights[out][in] : 0f});
      }
    }
    List<String> bottomUp = new ArrayList<>(distinct(output));
    Collections.reverse(bottomUp);
    chart.addSeries("attention", distinct(source), bottomUp, cells);
    save(file, chart);
  }

  /** Axis labels must differ: a repeated token gets trailing spaces, which do not show. */
  private static List<String> distinct(List<String> tokens) {
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String token : tokens) {
      String label = token;
      while (!seen.add(label)) {
        label += " ";
      }
      labels.add(label);
    }
    return labels;
  }

  private static void save(Path file, Chart<?, ?> chart) throws IOException {
    AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
  }
}
