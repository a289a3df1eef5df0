package io.seqpipe.pipelines.classify;

import java.util.Arrays;

/**
 * Per-class loss weights. {@code balanced} is scikit-learn's {@code class_weight="balanced"}: {@code
 * examples / (classes * examples of the class)}, so that every class contributes equally to the loss.
 *
 * <pre>{@code
 * float[] weights = ClassWeights.of("balanced", new int[] {0, 0, 0, 1}, 2);   // {0.667, 2.0}
 * }</pre>
 */
final class ClassWeights {
  private ClassWeights() {}

  /**
   * @param mode {@code none} (all 1) or {@code balanced}
   * @param labels the training examples' label ids
   */
  static float[] of(String mode, int[] labels, int classes) {
    float[] weights = new float[classes];
    if (mode.equals("none")) {
      Arrays.fill(weights, 1f);
      return weights;
    }
    if (!mode.equals("balanced")) {
      throw new IllegalArgumentException("unknown class_weights '" + mode + "'; expected none or balanced");
    }
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    for (int c = 0; c < classes; c++) {
      weights[c] = counts[c] == 0 ? 0f : (float) labels.length / (classes * counts[c]);
    }
    return weights;
  }
}
