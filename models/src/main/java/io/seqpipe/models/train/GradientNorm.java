package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

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
    List<NDArray> gradients = new ArrayList<>();
    for (Pair<String, Parameter> entry : parameters) {
      Parameter parameter = entry.getValue();
      if (parameter.requiresGradient() && parameter.isInitialized()) {
        gradients.add(parameter.getArray().getGradient());
      }
    }
    if (gradients.isEmpty()) {
      return 0;
    }
    // Each getGradient() is a new handle owned by the parameter's manager, and so would be every result
    // computed from it: a scope of their own frees them all at the end of the step.
    try (NDManager scope = gradients.get(0).getManager().newSubManager()) {
      gradients.forEach(gradient -> gradient.attach(scope));
      NDArray squares = null;
      for (NDArray gradient : gradients) {
        NDArray sum = gradient.square().sum();
        squares = squares == null ? sum : squares.add(sum);
      }
      // one transfer to the host per step, not one per parameter
      double norm = Math.sqrt(squares.toType(DataType.FLOAT64, false).getDouble());
      if (maxNorm > 0 && Double.isFinite(norm) && norm > maxNorm) {
        float scale = (float) (maxNorm / norm);
        gradients.forEach(gradient -> gradient.muli(scale));
      }
      return norm;
    }
  }
}
