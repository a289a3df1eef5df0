package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Additive attention pooling: {@code score_t = v . tanh(W h_t)}, a softmax over real tokens, the
 * weighted sum of the outputs. Returns the pooled vector and the weights, for reports.
 *
 * <p>Inputs: outputs {@code [batch, time, features]} and the mask {@code [batch, time]}, which a batch
 * without padding may leave out. Outputs:
 * pooled {@code [batch, features]} and weights {@code [batch, time]} (0 at padding).
 *
 * <pre>{@code
 * NDList pooled = attention.forward(store, new NDList(outputs, mask), training);
 * }</pre>
 */
public final class AttentionPooling extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Linear projection;
  private final Linear scorer;

  public AttentionPooling(int attentionSize) {
    super(VERSION);
    projection = addChildBlock("projection", Linear.builder().setUnits(attentionSize).build());
    scorer = addChildBlock("scorer", Linear.builder().setUnits(1).optBias(false).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    projection.initialize(manager, dataType, inputShapes[0]);
    Shape projected = projection.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    scorer.initialize(manager, dataType, projected);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape outputs = inputShapes[0];
    return new Shape[] {new Shape(outputs.get(0), outputs.get(2)), new Shape(outputs.get(0), outputs.get(1))};
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray outputs = inputs.get(0);
    NDArray hidden = projection.forward(store, new NDList(outputs), training).head().tanh();
    NDArray scores = scorer.forward(store, new NDList(hidden), training).head().squeeze(2);
    NDArray weights = inputs.size() > 1 ? Masks.softmax(scores, inputs.get(1)) : scores.softmax(-1);
    NDArray pooled = outputs.mul(weights.expandDims(2)).sum(new int[] {1});
    return new NDList(pooled, weights);
  }
}
