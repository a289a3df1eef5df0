package io.seqpipe.pipelines.forecast;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.nlp.series.TimeSeries;
import io.seqpipe.nlp.series.WindowFeatures;

/**
 * Windows as model inputs (history {@code [rows, input, width]}, and the calendar of the steps ahead
 * {@code [rows, horizon * calendar]} when there is one) and their scaled targets {@code [rows, horizon *
 * targets]}.
 */
record ForecastBatch(float[] history, float[] future, float[] targets, int rows, int input, int width,
    int futureWidth, int targetWidth) implements TrainingLoop.Batch {

  /** The windows at {@code origins} of {@code series}; targets only when {@code withTargets}. */
  static ForecastBatch of(TimeSeries series, int[] origins, WindowFeatures features, int input, int horizon,
      boolean withTargets) {
    int width = features.width();
    int futureWidth = horizon * features.calendarWidth();
    int targetWidth = horizon * features.targets();
    float[] history = new float[origins.length * input * width];
    float[] future = new float[origins.length * futureWidth];
    float[] targets = new float[withTargets ? origins.length * targetWidth : 0];
    for (int i = 0; i < origins.length; i++) {
      System.arraycopy(features.history(series, origins[i], input), 0, history, i * input * width, input * width);
      System.arraycopy(features.future(series, origins[i], horizon), 0, future, i * futureWidth, futureWidth);
      if (withTargets) {
        System.arraycopy(features.targets(series, origins[i], horizon), 0, targets, i * targetWidth, targetWidth);
      }
    }
    return new ForecastBatch(history, future, targets, origins.length, input, width, futureWidth, targetWidth);
  }

  /** The rows at {@code indices} of this batch, as a batch. */
  ForecastBatch select(int[] indices) {
    int historyWidth = input * width;
    float[] h = new float[indices.length * historyWidth];
    float[] f = new float[indices.length * futureWidth];
    float[] t = new float[targets.length == 0 ? 0 : indices.length * targetWidth];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(history, indices[i] * historyWidth, h, i * historyWidth, historyWidth);
      System.arraycopy(future, indices[i] * futureWidth, f, i * futureWidth, futureWidth);
      if (t.length > 0) {
        System.arraycopy(targets, indices[i] * targetWidth, t, i * targetWidth, targetWidth);
      }
    }
    return new ForecastBatch(h, f, t, indices.length, input, width, futureWidth, targetWidth);
  }

  /**
   * The batch one step later: each window drops its first row and ends with the step just forecast, its
   * targets {@code predicted} (scaled), its covariates those of the window's last row, its calendar this
   * batch's future; {@code nextFuture} is the calendar of the step after it. For one-step batches.
   */
  ForecastBatch step(float[] predicted, float[] nextFuture) {
    int historyWidth = input * width;
    int covariates = width - targetWidth - futureWidth;
    float[] h = new float[history.length];
    for (int row = 0; row < rows; row++) {
      int start = row * historyWidth;
      System.arraycopy(history, start + width, h, start, historyWidth - width);
      int last = start + historyWidth - width;
      System.arraycopy(predicted, row * targetWidth, h, last, targetWidth);
      System.arraycopy(history, last + targetWidth, h, last + targetWidth, covariates);
      System.arraycopy(future, row * futureWidth, h, last + targetWidth + covariates, futureWidth);
    }
    return new ForecastBatch(h, nextFuture, targets, rows, input, width, futureWidth, targetWidth);
  }

  @Override
  public NDList inputs(NDManager manager) {
    NDList inputs = new NDList(manager.create(history, new Shape(rows, input, width)));
    if (futureWidth > 0) {
      inputs.add(manager.create(future, new Shape(rows, futureWidth)));
    }
    return inputs;
  }

  @Override
  public NDList labels(NDManager manager) {
    return new NDList(manager.create(targets, new Shape(rows, targetWidth)));
  }

  @Override
  public long tokens() {
    return (long) rows * input;
  }
}
