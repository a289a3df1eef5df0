package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * Adam and AdamW with DJL's update rules and defaults (beta1 0.9, beta2 0.999, epsilon 1e-8; the bias
 * correction folded into the rate, epsilon added to the uncorrected root): Adam adds {@code weightDecay *
 * w} to the gradient (L2), AdamW decays the weight by {@code lr * weightDecay} apart from the gradient.
 * Each parameter's update is the engine's one fused operation (MXNet's {@code adam_update}, PyTorch's
 * native update, which also zeroes the gradient), not a dozen small ones. Its state is checkpointed
 * ({@link ResumableOptimizer}).
 *
 * <pre>{@code
 * AdamOptimizer adamw = AdamOptimizer.adamW(LearningRateSchedule.constant(1e-3f), 0.01f);
 * Trainer trainer = model.newTrainer(TrainingLoop.config(objective, adamw, device));
 * }</pre>
 */
public final class AdamOptimizer extends ResumableOptimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final Tracker learningRate;
  private final boolean decoupled;

  private AdamOptimizer(Tracker learningRate, float weightDecay, boolean decoupled) {
    super(weightDecay, List.of("mean", "variance"));
    this.learningRate = learningRate;
    this.decoupled = decoupled;
  }

  /** Adam with L2 weight decay (DJL's default decay for Adam is 0). */
  public static AdamOptimizer adam(Tracker learningRate, float weightDecay) {
    return new AdamOptimizer(learningRate, weightDecay, false);
  }

  /** AdamW: decoupled weight decay (DJL's default decay for AdamW is 0.01). */
  public static AdamOptimizer adamW(Tracker learningRate, float weightDecay) {
    return new AdamOptimizer(learningRate, weightDecay, true);
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = updateCount(parameterId);
    float lr = learningRate.getNewValue(parameterId, t);
    float corrected = (float) (lr * Math.sqrt(1.0 - Math.pow(BETA2, t)) / (1.0 - Math.pow(BETA1, t)));
    float weightDecay = getWeightDecay();
    checkFinite(corrected, weightDecay);
    NDArray[] moments = moments(parameterId, weight);
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, moments[0], moments[1]), new NDList(weight), lr,
        corrected, weightDecay, gradientScale(), clipGrad, BETA1, BETA2, EPSILON, true, decoupled);
  }
}
