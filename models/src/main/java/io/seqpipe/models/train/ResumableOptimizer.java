package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DJL {@link Optimizer} whose whole state can be checkpointed: per parameter its update count and its
 * moment arrays (Adam's mean and variance, SGD's momentum), kept as ordinary {@link NDArray}s so any
 * engine runs it. {@code trainer.step()} drives it like any DJL optimizer; {@link Checkpoints} saves and
 * restores its state by parameter name (DJL's parameter ids differ from run to run).
 *
 * <pre>{@code
 * ResumableOptimizer adam = AdamOptimizer.adam(schedule, 0f);
 * List<Pair<String, NDArray>> moments = adam.moments(block);   // "encoder_weight/mean", ...
 * Map<String, Integer> counts = adam.updateCounts(block);
 * adam.restoreUpdateCounts(block, counts);                     // after copying saved values into moments
 * }</pre>
 */
public abstract class ResumableOptimizer extends Optimizer {
  private final List<String> momentNames;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final Map<String, NDArray[]> moments = new ConcurrentHashMap<>();
  private int numUpdate;
  private float gradientScale = 1;

  /**
   * @param momentNames the names of the arrays kept per parameter, in {@link #moments(String, NDArray)} order
   */
  protected ResumableOptimizer(float weightDecay, List<String> momentNames) {
    super(new Settings().optWeightDecays(weightDecay));
    this.momentNames = List.copyOf(momentNames);
  }

  /**
   * Updates {@code weight} in place from {@code grad} times {@link #gradientScale()}, and leaves the weight's
   * gradient zero where the engine accumulates gradients (PyTorch would otherwise add the next batch's
   * gradient to it; MXNet hands over a copy), as DJL's fused updates do.
   */
  @Override
  public abstract void update(String parameterId, NDArray weight, NDArray grad);

  /**
   * Sets the factor the following updates multiply gradients by, until it is set again: the clipping of
   * the global gradient norm ({@link GradientNorm#clipScale}), applied inside each parameter's update
   * instead of as an operation of its own.
   */
  public void scaleGradients(float scale) {
    gradientScale = scale;
  }

  /** The factor gradients are multiplied by: DJL's {@code rescaleGrad} times {@link #scaleGradients}'. */
  protected float gradientScale() {
    return rescaleGrad * gradientScale;
  }

  /** Zeroes the weight's gradient where it has one (for updates that are not the engine's fused ones). */
  protected static void zeroGradient(NDArray weight) {
    if (weight.hasGradient()) {
      try (NDArray gradient = weight.getGradient()) {
        gradient.subi(gradient);
      }
    }
  }

  /** As DJL's: counts this parameter's update and returns the most updates of any parameter (1-based). */
  @Override
  protected int updateCount(String parameterId) {
    int count = counts.merge(parameterId, 1, Integer::sum);
    numUpdate = Math.max(numUpdate, count);
    return numUpdate;
  }

  /**
   * The parameter's moment arrays, zeros on its first update; detached, as DJL's optimizers keep theirs,
   * since the engine may hand {@link #update} arrays of a manager it closes afterwards (MXNet does).
   */
  protected NDArray[] moments(String parameterId, NDArray weight) {
    return moments.computeIfAbsent(parameterId, id -> momentNames.stream().map(name -> {
      NDArray zeros = weight.zerosLike();
      zeros.detach();
      return zeros;
    }).toArray(NDArray[]::new));
  }

  /**
   * The moment arrays of {@code block}'s parameters by {@code parameter/moment} name, created as zeros
   * where no update has happened yet: these are the arrays themselves, so copying values into them
   * restores them.
   */
  public List<Pair<String, NDArray>> moments(Block block) {
    List<Pair<String, NDArray>> named = new ArrayList<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      NDArray[] arrays = moments(entry.getValue().getId(), entry.getValue().getArray());
      for (int i = 0; i < arrays.length; i++) {
        named.add(new Pair<>(entry.getKey() + "/" + momentNames.get(i), arrays[i]));
      }
    }
    return named;
  }

  /** How many updates each of {@code block}'s parameters has had, by parameter name. */
  public Map<String, Integer> updateCounts(Block block) {
    Map<String, Integer> byName = new TreeMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      byName.put(entry.getKey(), counts.getOrDefault(entry.getValue().getId(), 0));
    }
    return byName;
  }

  /** Continues from saved update counts (by parameter name). */
  public void restoreUpdateCounts(Block block, Map<String, Integer> byName) {
    counts.clear();
    numUpdate = 0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      int count = byName.getOrDefault(entry.getKey(), 0);
      if (count > 0) {
        counts.put(entry.getValue().getId(), count);
        numUpdate = Math.max(numUpdate, count);
      }
    }
  }

  /** Throws if the rate or decay of this update is not finite (as DJL's optimizers do). */
  protected static void checkFinite(float learningRate, float weightDecay) {
    if (!Float.isFinite(learningRate) || !Float.isFinite(weightDecay)) {
      throw new IllegalStateException("learning rate or weight decay is nan or infinite");
    }
  }

  private static final class Settings extends OptimizerBuilder<Settings> {
    @Override
    protected Settings self() {
      return this;
    }
  }
}
