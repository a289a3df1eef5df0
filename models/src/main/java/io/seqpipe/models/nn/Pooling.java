package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.Locale;

/**
 * Parameter-free pooling of encoder outputs {@code [batch, time, features]} into {@code [batch,
 * features]}, over real tokens only: a sentence pools to the same vector whatever padding its batch
 * adds. (Attention pooling has parameters and lives in its own block.)
 *
 * <pre>{@code
 * NDArray pooled = Pooling.MAX.pool(outputs, mask, true);
 * }</pre>
 */
public enum Pooling {
  /**
   * The final state of each direction: the forward half at the last real token, the backward half (of
   * a bidirectional encoder) at the first.
   */
  LAST {
    @Override
    public NDArray pool(NDArray outputs, NDArray mask, boolean bidirectional) {
      // one-hot of each row's last real position, from the mask: mask[t] - mask[t+1]
      long time = mask.getShape().get(1);
      NDArray next = time > 1
          ? mask.get(new NDIndex(":, 1:")).concat(mask.get(new NDIndex(":, :1")).zerosLike(), 1)
          : mask.zerosLike();
      NDArray lastPosition = mask.sub(next).expandDims(2);
      NDArray forward = outputs.mul(lastPosition).sum(new int[] {1});
      if (!bidirectional) {
        return forward;
      }
      long half = outputs.getShape().get(2) / 2;
      NDArray backward = outputs.get(new NDIndex(":, 0, {}:", half));
      return NDArrays.concat(new NDList(forward.get(new NDIndex(":, :{}", half)), backward), 1);
    }
  },
  /** The mean over real tokens. */
  MEAN {
    @Override
    public NDArray pool(NDArray outputs, NDArray mask, boolean bidirectional) {
      NDArray weights = mask.expandDims(2);
      NDArray counts = mask.sum(new int[] {1}, true).maximum(1f);
      return outputs.mul(weights).sum(new int[] {1}).div(counts);
    }
  },
  /** The element-wise maximum over real tokens. */
  MAX {
    @Override
    public NDArray pool(NDArray outputs, NDArray mask, boolean bidirectional) {
      return outputs.add(Masks.additive(mask).expandDims(2)).max(new int[] {1});
    }
  };

  /**
   * @param outputs encoder outputs {@code [batch, time, features]}
   * @param mask {@code [batch, time]}, 1 for real tokens (see {@link Masks#fromLengths})
   * @param bidirectional whether the features are a forward half then a backward half
   */
  public abstract NDArray pool(NDArray outputs, NDArray mask, boolean bidirectional);

  /** The name in pipeline files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
