package io.seqpipe.models.train;

import ai.djl.training.tracker.Tracker;
import java.util.Map;

/**
 * The learning rate over training: {@code constant}, {@code plateau} (multiply by {@code factor} after
 * {@code patience} epochs without dev improvement, not below {@code minLr}), {@code cosine} (from the
 * base rate down to {@code minLr} over all steps) or {@code warmup_linear} (linear rise over {@code
 * warmup} steps, then linear decay to 0 at the last step) or {@code step} (multiply by {@code factor}
 * every {@code every} epochs). Given to DJL's optimizer as its tracker.
 *
 * <pre>{@code
 * LearningRateSchedule schedule = LearningRateSchedule.plateau(1e-3f, 0.5f, 1, 0f);
 * Optimizer adam = Optimizer.adam().optLearningRateTracker(schedule).build();
 * schedule.endEpoch(epoch, improved);   // after each dev evaluation
 * }</pre>
 */
public final class LearningRateSchedule implements Tracker {
  private final String type;
  private final float base;
  private final float factor;
  /** Epochs: plateau's patience, step's period. */
  private final int epochs;
  private final int warmup;
  private final float minLr;
  private int totalSteps = 1;
  private float plateauScale = 1f;
  private int staleEpochs;
  private int epochsDone;

  private LearningRateSchedule(String type, float base, float factor, int epochs, int warmup, float minLr) {
    this.type = type;
    this.base = base;
    this.factor = factor;
    this.epochs = epochs;
    this.warmup = warmup;
    this.minLr = minLr;
  }

  public static LearningRateSchedule constant(float lr) {
    return new LearningRateSchedule("constant", lr, 1, 0, 0, 0);
  }

  public static LearningRateSchedule plateau(float lr, float factor, int patience, float minLr) {
    return new LearningRateSchedule("plateau", lr, factor, patience, 0, minLr);
  }

  public static LearningRateSchedule cosine(float lr, float minLr) {
    return new LearningRateSchedule("cosine", lr, 1, 0, 0, minLr);
  }

  /** {@code lr * factor^(epochs done / every)}: the rate drops by {@code factor} every {@code every} epochs. */
  public static LearningRateSchedule step(float lr, float factor, int every) {
    return new LearningRateSchedule("step", lr, factor, every, 0, 0);
  }

  public static LearningRateSchedule warmupLinear(float lr, int warmup) {
    return new LearningRateSchedule("warmup_linear", lr, 1, 0, warmup, 0);
  }

  /**
   * A schedule by the name and parameters pipeline files use (the pipeline catalog lists them with their
   * defaults and ranges).
   *
   * @param params the schedule's parameters by name, e.g. {@code factor} and {@code patience} for plateau
   * @throws IllegalArgumentException for an unknown name or a missing parameter
   */
  public static LearningRateSchedule of(String name, float lr, Map<String, ?> params) {
    return switch (name) {
      case "constant" -> constant(lr);
      case "plateau" -> plateau(lr, number(params, "factor"), (int) number(params, "patience"), number(params, "min_lr"));
      case "cosine" -> cosine(lr, number(params, "min_lr"));
      case "warmup_linear" -> warmupLinear(lr, (int) number(params, "warmup"));
      case "step" -> step(lr, number(params, "factor"), (int) number(params, "every"));
      default -> throw new IllegalArgumentException(
          "unknown schedule '" + name + "'; available: constant, plateau, cosine, warmup_linear, step");
    };
  }

  private static float number(Map<String, ?> params, String name) {
    if (!(params.get(name) instanceof Number number)) {
      throw new IllegalArgumentException("the schedule needs the number '" + name + "', given " + params);
    }
    return number.floatValue();
  }

  /** How many optimizer steps the whole training takes (for cosine and linear decay). */
  public void totalSteps(int steps) {
    this.totalSteps = Math.max(1, steps);
  }

  /** After each dev evaluation of {@code epoch} (1-based): the plateau schedule counts epochs without improvement. */
  public void endEpoch(int epoch, boolean improved) {
    epochsDone = epoch;
    if (!type.equals("plateau")) {
      return;
    }
    staleEpochs = improved ? 0 : staleEpochs + 1;
    if (staleEpochs > epochs) {
      plateauScale *= factor;
      staleEpochs = 0;
    }
  }

  /**
   * What a checkpoint records of the schedule.
   *
   * @param epochsDone epochs completed
   * @param plateauScale the plateau schedule's multiplier
   * @param staleEpochs epochs without improvement the plateau schedule has counted
   */
  public record State(int epochsDone, float plateauScale, int staleEpochs) {
    public static final State START = new State(0, 1f, 0);
  }

  public State state() {
    return new State(epochsDone, plateauScale, staleEpochs);
  }

  /** Continues a resumed run from the state a checkpoint recorded. */
  public void resume(State state) {
    this.epochsDone = state.epochsDone();
    this.plateauScale = state.plateauScale();
    this.staleEpochs = state.staleEpochs();
  }

  @Override
  public float getNewValue(int step) {
    double progress = Math.min(1.0, (double) step / totalSteps);
    return switch (type) {
      case "plateau" -> Math.max(minLr, base * plateauScale);
      case "cosine" -> (float) (minLr + (base - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress)));
      case "step" -> (float) (base * Math.pow(factor, epochsDone / epochs));
      case "warmup_linear" -> step < warmup ? base * (step + 1) / warmup
          : (float) (base * Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmup)));
      default -> base;
    };
  }
}
