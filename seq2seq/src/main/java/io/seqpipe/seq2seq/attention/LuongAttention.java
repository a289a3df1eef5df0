package io.seqpipe.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Multiplicative attention, Luong et al. 2015: {@code dot} scores {@code q . m} (query and memory of
 * equal width), {@code general} scores {@code q . W m}.
 *
 * <p>Initialized with the memory shape {@code [batch, source, features]} and the query shape {@code
 * [batch, query]}.
 */
public final class LuongAttention extends Attention {
  private final Linear keyProjection;

  /**
   * @param general {@code q . W m}; otherwise {@code q . m}
   * @param queryWidth the decoder state's width, which {@code W} maps the memory to
   */
  public LuongAttention(boolean general, int queryWidth) {
    keyProjection = general ? addChildBlock("key", Linear.builder().setUnits(queryWidth).optBias(false).build()) : null;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    if (keyProjection != null) {
      keyProjection.initialize(manager, dataType, inputShapes[0]);
    }
  }

  @Override
  public NDArray keys(ParameterStore store, NDArray memory, boolean training) {
    return keyProjection == null ? memory : keyProjection.forward(store, new NDList(memory), training).head();
  }

  @Override
  public NDArray scores(ParameterStore store, NDArray query, NDArray keys, boolean training) {
    return keys.matMul(query.expandDims(2)).squeeze(2);
  }
}
