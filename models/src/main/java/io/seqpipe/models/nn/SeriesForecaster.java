package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * A window of a time series to its next {@code horizon} values: a unidirectional recurrent encoder
 * reads the window's feature vectors, and a dense head turns the last layer's final state, beside the
 * known features of the steps ahead (calendar), into every step's targets at once.
 *
 * <p>Inputs: the window {@code [batch, input, features]} and, when {@code futureWidth > 0}, the
 * features of the steps ahead {@code [batch, horizon * futureWidth]}. Output: {@code [batch, horizon *
 * targets]}, step after step.
 *
 * <pre>{@code
 * SeriesForecaster model = new SeriesForecaster(new RecurrentEncoder(CellType.LSTM, 64, 2, false, 0.2, false),
 *     0.2, 7, 1, 20);
 * model.initialize(manager, DataType.FLOAT32, new Shape(2, 28, 24), new Shape(2, 140));
 * }</pre>
 */
public final class SeriesForecaster extends AbstractBlock {
  private static final byte VERSION = 1;

  private final RecurrentEncoder encoder;
  private final float dropout;
  private final int futureWidth;
  private final int horizon;
  private final Linear head;

  /**
   * @param futureWidth known features per step ahead (0 for none)
   */
  public SeriesForecaster(RecurrentEncoder encoder, double dropout, int horizon, int targets, int futureWidth) {
    super(VERSION);
    if (encoder.bidirectional()) {
      throw new IllegalArgumentException("a forecaster reads its window forwards: a bidirectional encoder does not fit");
    }
    this.encoder = addChildBlock("encoder", encoder);
    this.dropout = (float) dropout;
    this.futureWidth = futureWidth;
    this.horizon = horizon;
    this.head = addChildBlock("head", Linear.builder().setUnits((long) horizon * targets).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape window = inputShapes[0];
    encoder.initialize(manager, dataType, window, new Shape(window.get(0)));
    head.initialize(manager, dataType, new Shape(window.get(0), encoder.outputSize() + (long) horizon * futureWidth));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape window = inputShapes[0];
    return head.getOutputShapes(new Shape[] {new Shape(window.get(0), encoder.outputSize() + (long) horizon * futureWidth)});
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray window = inputs.get(0);
    int rows = (int) window.getShape().get(0);
    int[] lengths = new int[rows];
    Arrays.fill(lengths, (int) window.getShape().get(1));
    NDArray lengthArray = window.getManager().create(lengths).toDevice(window.getDevice(), false);
    NDList encoded = encoder.forward(store, new NDList(window, lengthArray), training);
    NDArray states = encoded.get(1);
    NDArray last = states.get(states.getShape().get(0) - 1);
    if (training && dropout > 0) {
      last = Dropout.dropout(last, dropout, true).head();
    }
    NDArray features = futureWidth > 0 ? NDArrays.concat(new NDList(last, inputs.get(1)), 1) : last;
    return new NDList(head.forward(store, new NDList(features), training).head());
  }
}
