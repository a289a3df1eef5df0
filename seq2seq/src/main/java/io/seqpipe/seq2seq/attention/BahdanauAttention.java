package io.seqpipe.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Additive (MLP) attention, Bahdanau et al. 2015: {@code score = v . tanh(W_k m + W_q q)}.
 *
 * <p>Initialized with the memory shape {@code [batch, source, features]} and the query shape {@code
 * [batch, query]}.
 */
public final class BahdanauAttention extends Attention {
  private final Linear keyProjection;
  private final Linear queryProjection;
  private final Linear scorer;

  public BahdanauAttention(int size) {
    keyProjection = addChildBlock("key", Linear.builder().setUnits(size).optBias(false).build());
    queryProjection = addChildBlock("query", Linear.builder().setUnits(size).optBias(false).build());
    scorer = addChildBlock("scorer", Linear.builder().setUnits(1).optBias(false).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    keyProjection.initialize(manager, dataType, inputShapes[0]);
    queryProjection.initialize(manager, dataType, inputShapes[1]);
    scorer.initialize(manager, dataType, keyProjection.getOutputShapes(new Shape[] {inputShapes[0]})[0]);
  }

  @Override
  public NDArray keys(ParameterStore store, NDArray memory, boolean training) {
    return keyProjection.forward(store, new NDList(memory), training).head();
  }

  @Override
  public NDArray scores(ParameterStore store, NDArray query, NDArray keys, boolean training) {
    NDArray projected = queryProjection.forward(store, new NDList(query), training).head().expandDims(1);
    return scorer.forward(store, new NDList(keys.add(projected).tanh()), training).head().squeeze(2);
  }
}
