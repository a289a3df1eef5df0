package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stacked, optionally bidirectional LSTM/GRU encoder over padded batches in which padding cannot leak:
 * a sentence's outputs are the same alone or beside longer ones. Each layer runs each direction as a
 * one-layer {@link FusedRecurrent}. In a padded batch the backward direction reads each sequence reversed
 * within its own length ({@link Reversal}), so padding only ever comes after the real tokens; a batch
 * without padding runs both directions in one call of the engine's kernel. Dropout applies between
 * layers and, as an {@link EmbeddingDropout} of its own rates, to the first layer's inputs (the
 * embeddings: with one layer, the only dropout inside the encoder); residual connections add a layer's
 * input to its output when their widths agree.
 *
 * <p>Inputs: embedded tokens {@code [batch, time, features]} and the lengths {@code [batch]} (int32).
 * Outputs: {@code [batch, time, directions * hidden]} (zero at padding) and the final hidden state of
 * every layer and direction {@code [layers * directions, batch, hidden]}.
 *
 * <pre>{@code
 * RecurrentEncoder encoder = new RecurrentEncoder(CellType.LSTM, 128, 2, true, 0.3,
 *     new EmbeddingDropout(0.2, 0.1), false);
 * encoder.initialize(manager, DataType.FLOAT32, new Shape(32, 40, 100), new Shape(32));
 * NDList out = encoder.forward(store, new NDList(embedded, lengths), training);
 * }</pre>
 */
public final class RecurrentEncoder extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int hidden;
  private final int layers;
  private final boolean bidirectional;
  private final float dropout;
  private final EmbeddingDropout inputDropout;
  private final boolean residual;
  /** Per layer: forward, then backward when bidirectional. */
  private final List<FusedRecurrent> directions = new ArrayList<>();

  /** An encoder without dropout on its inputs. */
  public RecurrentEncoder(CellType cell, int hidden, int layers, boolean bidirectional, double dropout,
      boolean residual) {
    this(cell, hidden, layers, bidirectional, dropout, EmbeddingDropout.NONE, residual);
  }

  /**
   * @param dropout dropout between layers, while training
   * @param inputDropout dropout on the first layer's inputs, while training
   */
  public RecurrentEncoder(CellType cell, int hidden, int layers, boolean bidirectional, double dropout,
      EmbeddingDropout inputDropout, boolean residual) {
    super(VERSION);
    this.hidden = hidden;
    this.layers = layers;
    this.bidirectional = bidirectional;
    this.dropout = (float) dropout;
    this.inputDropout = inputDropout;
    this.residual = residual;
    for (int layer = 0; layer < layers; layer++) {
      directions.add(addChildBlock("layer" + layer + "_forward", new FusedRecurrent(cell, hidden, 1, false, 0)));
      if (bidirectional) {
        directions.add(addChildBlock("layer" + layer + "_backward", new FusedRecurrent(cell, hidden, 1, false, 0)));
      }
    }
  }

  public boolean bidirectional() {
    return bidirectional;
  }

  /** Width of each output step. */
  public int outputSize() {
    return hidden * (bidirectional ? 2 : 1);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape input = inputShapes[0];
    for (int layer = 0; layer < layers; layer++) {
      long features = layer == 0 ? input.get(2) : outputSize();
      Shape shape = new Shape(input.get(0), input.get(1), features);
      for (int d = 0; d < (bidirectional ? 2 : 1); d++) {
        directions.get(layer * (bidirectional ? 2 : 1) + d).initialize(manager, dataType, shape);
      }
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    return new Shape[] {new Shape(input.get(0), input.get(1), outputSize()),
        new Shape((long) layers * (bidirectional ? 2 : 1), input.get(0), hidden)};
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    int[] lengths = inputs.get(1).toType(DataType.INT32, false).toIntArray();
    int time = (int) x.getShape().get(1);
    boolean padded = Arrays.stream(lengths).anyMatch(length -> length != time);
    return padded ? forwardPadded(store, x, lengths, training) : forwardFull(store, x, training);
  }

  /**
   * A batch without padding (length-bucketed batches mostly are): each layer is one call of the engine's
   * kernel, both directions at once, with no masks and no reversals.
   */
  private NDList forwardFull(ParameterStore store, NDArray x, boolean training) {
    NDList finalStates = new NDList();
    NDArray input = x;
    for (int layer = 0; layer < layers; layer++) {
      NDArray layerInput = layerInput(input, layer, training);
      FusedRecurrent forward = direction(layer, 0);
      NDList out = bidirectional
          ? forward.forwardBidirectional(direction(layer, 1), store, layerInput, training)
          : forward.forward(store, new NDList(layerInput), training);
      finalStates.add(out.get(1));
      input = residual(out.get(0), input);
    }
    return new NDList(input, NDArrays.concat(finalStates, 0));
  }

  /** A padded batch: the backward direction reads each sequence reversed within its own length. */
  private NDList forwardPadded(ParameterStore store, NDArray x, int[] lengths, boolean training) {
    int time = (int) x.getShape().get(1);
    NDManager manager = x.getManager();
    NDArray mask = Masks.fromLengths(manager, lengths, time).toDevice(x.getDevice(), false).expandDims(2);
    Reversal reversal = bidirectional ? Reversal.of(manager, lengths, time) : null;
    NDList finalStates = new NDList();
    NDArray input = x;
    for (int layer = 0; layer < layers; layer++) {
      NDArray layerInput = layerInput(input, layer, training);
      NDList outputs = new NDList();
      NDArray forward = run(store, direction(layer, 0), layerInput, training).mul(mask);
      outputs.add(forward);
      finalStates.add(Pooling.LAST.pool(forward, mask.squeeze(2), false).expandDims(0));
      if (bidirectional) {
        NDArray backward =
            reversal.apply(run(store, direction(layer, 1), reversal.apply(layerInput), training)).mul(mask);
        outputs.add(backward);
        finalStates.add(backward.get(":, 0, :").expandDims(0));
      }
      input = residual(outputs.size() == 1 ? outputs.head() : NDArrays.concat(outputs, 2), input);
    }
    return new NDList(input, NDArrays.concat(finalStates, 0));
  }

  private FusedRecurrent direction(int layer, int direction) {
    return directions.get(layer * (bidirectional ? 2 : 1) + direction);
  }

  private static NDArray run(ParameterStore store, FusedRecurrent block, NDArray input, boolean training) {
    return block.forward(store, new NDList(input), training).head();
  }

  /** Dropout on the first layer's inputs and between layers, when training. */
  private NDArray layerInput(NDArray input, int layer, boolean training) {
    if (layer == 0) {
      return inputDropout.apply(input, training);
    }
    return training && dropout > 0 ? Dropout.dropout(input, dropout, true).head() : input;
  }

  private NDArray residual(NDArray output, NDArray input) {
    return residual && output.getShape().equals(input.getShape()) ? output.add(input) : output;
  }
}
