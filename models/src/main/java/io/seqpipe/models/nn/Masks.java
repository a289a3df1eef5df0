package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Padding masks written as arithmetic, so that they work on every engine (DJL's PyTorch engine has no
 * {@code sequenceMask}, and boolean row masking and broadcast {@code where} fail there).
 *
 * <pre>{@code
 * NDArray mask = Masks.fromLengths(manager, new int[] {3, 1}, 3);   // [[1, 1, 1], [1, 0, 0]]
 * NDArray weights = Masks.softmax(scores, mask);                    // padding gets weight 0
 * }</pre>
 */
public final class Masks {
  /** Added to the scores of padding positions: large enough to vanish in a softmax, finite. */
  static final float NEGATIVE = -1e9f;

  private Masks() {}

  /** A {@code [batch, maxLength]} float32 mask: 1 for real tokens, 0 for padding. */
  public static NDArray fromLengths(NDManager manager, int[] lengths, int maxLength) {
    float[] values = new float[lengths.length * maxLength];
    for (int row = 0; row < lengths.length; row++) {
      if (lengths[row] > maxLength || lengths[row] < 0) {
        throw new IllegalArgumentException("length " + lengths[row] + " of row " + row + " is outside 0.." + maxLength);
      }
      for (int t = 0; t < lengths[row]; t++) {
        values[row * maxLength + t] = 1f;
      }
    }
    return manager.create(values, new Shape(lengths.length, maxLength));
  }

  /** {@code 0} where the mask is 1, {@link #NEGATIVE} where it is 0: add it to scores before a softmax or max. */
  public static NDArray additive(NDArray mask) {
    return mask.toType(DataType.FLOAT32, false).sub(1f).mul(-NEGATIVE);
  }

  /** Softmax over the last axis of {@code scores [batch, time]}, giving padding positions weight 0. */
  public static NDArray softmax(NDArray scores, NDArray mask) {
    return scores.add(additive(mask)).softmax(-1).mul(mask);
  }
}
