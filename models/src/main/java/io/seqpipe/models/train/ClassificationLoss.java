package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;

/**
 * Cross-entropy of class logits against one-hot targets, with label smoothing, each example weighted
 * by its class's weight and averaged over the weights (PyTorch's weighted mean; all weights 1 give the
 * plain mean).
 *
 * <pre>{@code
 * NDArray loss = ClassificationLoss.crossEntropy(logits, oneHot, new float[] {1f, 3f}, 0.1);
 * }</pre>
 */
public final class ClassificationLoss {
  private ClassificationLoss() {}

  /**
   * @param logits (batch, classes)
   * @param oneHot (batch, classes) one-hot targets
   * @param classWeights one weight per class
   * @param smoothing label smoothing (0 = off)
   */
  public static NDArray crossEntropy(NDArray logits, NDArray oneHot, float[] classWeights, double smoothing) {
    NDArray target = oneHot;
    if (smoothing > 0) {
      long classes = oneHot.getShape().get(1);
      target = oneHot.mul((float) (1 - smoothing)).add((float) (smoothing / classes));
    }
    NDArray perExample = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
    NDArray weights = oneHot.mul(logits.getManager().create(classWeights)).sum(new int[] {1});
    return perExample.mul(weights).sum().div(weights.sum());
  }
}
