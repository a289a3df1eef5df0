package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * SGD with optional momentum and DJL's (MXNet's) update rule: {@code mom = momentum * mom - lr * wd * w -
 * lr * grad; w += mom}, or {@code w = (1 - lr * wd) * w - lr * grad} without momentum. Its state is
 * checkpointed ({@link ResumableOptimizer}).
 *
 * <pre>{@code
 * SgdOptimizer sgd = new SgdOptimizer(LearningRateSchedule.constant(0.1f), 0.9f, 0f);
 * Trainer trainer = model.newTrainer(TrainingLoop.config(objective, sgd, device));
 * }</pre>
 */
public final class SgdOptimizer extends ResumableOptimizer {
  private final Tracker learningRate;
  private final float momentum;

  public SgdOptimizer(Tracker learningRate, float momentum, float weightDecay) {
    super(weightDecay, momentum == 0 ? List.of() : List.of("momentum"));
    this.learningRate = learningRate;
    this.momentum = momentum;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float weightDecay = getWeightDecay();
    float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
    checkFinite(lr, weightDecay);
    NDArray[] velocity = moments(parameterId, weight);
    try (NDScope scope = new NDScope()) {
      NDArray g = grad.mul(gradientScale());
      if (clipGrad >= 0) {
        g = g.clip(-clipGrad, clipGrad);
      }
      if (momentum == 0) {
        weight.muli(1 - lr * weightDecay).subi(g.muli(lr));
      } else {
        velocity[0].muli(momentum).subi(weight.mul(lr * weightDecay)).subi(g.muli(lr));
        weight.addi(velocity[0]);
      }
    }
    zeroGradient(weight);
  }
}
