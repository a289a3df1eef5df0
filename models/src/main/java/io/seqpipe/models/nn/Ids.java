package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Token ids in the integer type each engine's index kernels take: int64 on PyTorch (its embedding and
 * one-hot refuse int32), int32 on MXNet.
 *
 * <pre>{@code
 * NDArray oneHot = Ids.forEngine(targets).oneHot(vocabularySize);
 * }</pre>
 */
public final class Ids {
  private Ids() {}

  public static NDArray forEngine(NDArray ids) {
    boolean pytorch = ids.getManager().getEngine().getEngineName().equals("PyTorch");
    return ids.toType(pytorch ? DataType.INT64 : DataType.INT32, false);
  }
}
