package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

/**
 * Clipping by the global norm of all gradients (DJL's {@code optClipGrad} clips element-wise instead):
 * when the norm exceeds the threshold, every gradient is scaled down by the same factor.
 *
 * <pre>{@code
 * double norm = GradientNorm.clip(model.getBlock().getParameters(), 1.0f);
 * }</pre>
 */
public final class GradientNorm {
  private GradientNorm() {}

  /**
   * Scales the gradients so that their global L2 norm is at most {@code maxNorm} (0 = no clipping).
   *
   * @return the norm before clipping; NaN or infinite when a gradient is not finite
   */
  public static double clip(ParameterList parameters, float maxNorm) {
    NDArray squares = null;
    for (Pair<String, Parameter> entry : parameters) {
      Parameter parameter = entry.getValue();
      if (parameter.requiresGradient() && parameter.isInitialized()) {
        NDArray sum = parameter.getArray().getGradient().square().sum();
        squares = squares == null ? sum : squares.add(sum);
      }
    }
    if (squares == null) {
      return 0;
    }
    // one transfer to the host per step, not one per parameter
    double norm = Math.sqrt(squares.toType(DataType.FLOAT64, false).getDouble());
    if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
      float scale = (float) (maxNorm / norm);
      for (Pair<String, Parameter> entry : parameters) {
        Parameter parameter = entry.getValue();
        if (parameter.requiresGradient() && parameter.isInitialized()) {
          parameter.getArray().getGradient().muli(scale);
        }
      }
    }
    return norm;
  }
}
