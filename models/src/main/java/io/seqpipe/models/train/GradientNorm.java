package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * Clipping by the global norm of all gradients (DJL's {@code optClipGrad} clips element-wise instead):
 * when the norm exceeds the threshold, every gradient is scaled down by the same factor, which the
 * optimizer applies inside its update ({@link ResumableOptimizer#scaleGradients}).
 *
 * <pre>{@code
 * double norm = GradientNorm.of(gradients);   // parameter.getArray().getGradient() of each trained parameter
 * optimizer.scaleGradients(GradientNorm.clipScale(norm, 1.0f));
 * optimizer.update(parameter.getId(), parameter.getArray(), gradient);   // for each
 * }</pre>
 */
public final class GradientNorm {
  private GradientNorm() {}

  /**
   * The global L2 norm of the gradients, read to the host once (not once per parameter).
   *
   * @return NaN or infinite when a gradient is not finite; 0 without gradients
   */
  public static double of(List<NDArray> gradients) {
    if (gradients.isEmpty()) {
      return 0;
    }
    try (NDManager scope = gradients.get(0).getManager().newSubManager()) {
      // one operation per gradient, then two: the norm of the norms is the norm of them all
      NDList norms = new NDList(gradients.size());
      for (NDArray gradient : gradients) {
        NDArray norm = gradient.norm();
        norm.attach(scope);
        norms.add(norm);
      }
      NDArray global = NDArrays.stack(norms).norm();
      global.attach(scope);
      return global.toType(DataType.FLOAT64, false).getDouble();
    }
  }

  /**
   * The factor that brings gradients of global norm {@code norm} down to {@code maxNorm}: 1 when they are
   * within it, when {@code maxNorm} is 0 (no clipping) or when the norm is not finite.
   */
  public static float clipScale(double norm, float maxNorm) {
    return maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm ? (float) (maxNorm / norm) : 1f;
  }
}
