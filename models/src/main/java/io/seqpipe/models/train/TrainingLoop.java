package io.seqpipe.models.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.seqpipe.models.progress.Progress;
import io.seqpipe.models.train.TrainingState.EpochRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs of training around a DJL {@link Trainer}: global-norm clipping, the learning-rate schedule,
 * NaN/Inf detection, early stopping on a dev metric, a checkpoint after every epoch (the best one kept),
 * resumption from the last checkpoint, {@link Progress} with loss and throughput, and one summary log
 * line ({@code event=epoch}) per epoch.
 *
 * <p>A resumed run continues from the last checkpoint's parameters, epoch, step count, early-stopping
 * record and plateau multiplier; the optimizer's moment estimates start afresh, since DJL's optimizers
 * do not expose them.
 *
 * <pre>{@code
 * TrainingLoop loop = new TrainingLoop(new Settings(10, 1.0f, 3, true), new Checkpoints(dir));
 * try (Trainer trainer = model.newTrainer(TrainingLoop.config(objective, optimizer, device))) {
 *   TrainingState state = loop.run(trainer, epoch -> batches(epoch), devF1, schedule);
 * }
 * }</pre>
 */
public final class TrainingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);


  /** One batch: builds its arrays on the manager it is given, freed after the step. */
  public interface Batch {
    NDList inputs(NDManager manager);

    NDList labels(NDManager manager);

    /** Real (non-padding) tokens, for throughput. */
    long tokens();
  }

  /** The training loss of predictions against labels: a scalar. */
  public interface Objective {
    NDArray loss(NDList predictions, NDList labels);
  }

  /**
   * The trainer configuration for {@code objective}: DJL's trainer holds it as its loss, and {@link
   * #run} minimises that loss.
   */
  public static DefaultTrainingConfig config(Objective objective, Optimizer optimizer, Device device) {
    Loss loss = new Loss("objective") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        return objective.loss(predictions, labels);
      }
    };
    return new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new Device[] {device});
  }

  /**
   * @param epochs the most epochs to train
   * @param clipNorm global gradient-norm threshold (0 = off)
   * @param patience epochs without dev improvement before stopping (0 = never)
   * @param higherIsBetter whether a larger dev metric is better (false for a loss)
   */
  public record Settings(int epochs, float clipNorm, int patience, boolean higherIsBetter) {}

  private final Settings settings;
  private final Checkpoints checkpoints;

  public TrainingLoop(Settings settings, Checkpoints checkpoints) {
    this.settings = settings;
    this.checkpoints = checkpoints;
  }

  /**
   * Trains, continuing from the last checkpoint if there is one, and leaves the best parameters in the
   * model's block.
   *
   * @param trainer a trainer made with {@link #config}: its loss is what is minimised
   * @param batches the batches of an epoch (1-based), in order
   * @param devMetric the dev metric of the model as it is
   * @return the state after the last epoch
   * @throws TrainingDivergedException on a NaN or infinite loss or gradient
   */
  public TrainingState run(Trainer trainer, IntFunction<List<? extends Batch>> batches,
      ToDoubleFunction<Trainer> devMetric, LearningRateSchedule schedule) throws IOException {
    Block block = trainer.getModel().getBlock();
    Optional<TrainingState> resumed = checkpoints.loadLast(block);
    TrainingState state = resumed.orElse(new TrainingState(0, 0, Double.NaN, 0, 0, 1f, List.of()));
    EarlyStopping stopping = new EarlyStopping(settings.higherIsBetter(), settings.patience());
    if (resumed.isPresent()) {
      stopping.restore(state.bestMetric(), state.staleEpochs());
      schedule.resume(state.epoch(), state.plateauScale());
    }
    List<EpochRecord> history = new ArrayList<>(state.history());
    int step = state.step();
    for (int epoch = state.epoch() + 1; epoch <= settings.epochs() && !stopping.shouldStop(); epoch++) {
      List<? extends Batch> epochBatches = batches.apply(epoch);
      schedule.totalSteps(epochBatches.size() * settings.epochs());
      long started = System.nanoTime();
      double lossSum = 0;
      long tokens = 0;
      int startStep = step;
      try (Progress progress = Progress.start("epoch " + epoch, epochBatches.size(), "batches")) {
        for (Batch batch : epochBatches) {
          double loss = step(trainer, batch, epoch, step);
          lossSum += loss;
          tokens += batch.tokens();
          step++;
          double seconds = (System.nanoTime() - started) / 1e9;
          progress.stepTo(step - startStep, String.format(Locale.ROOT, "loss %.4f, %.0f tok/s", loss,
              tokens / Math.max(seconds, 1e-9)));
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double dev = devMetric.applyAsDouble(trainer);
      if (!Double.isFinite(dev)) {
        throw new TrainingDivergedException("epoch " + epoch + ": the dev metric is " + dev
            + "; the last good checkpoint is in " + checkpoints.directory());
      }
      boolean improved = stopping.update(dev);
      schedule.endEpoch(epoch, improved);
      history.add(new EpochRecord(epoch, epochBatches.isEmpty() ? 0 : lossSum / epochBatches.size(), dev,
          schedule.getNewValue(step), tokens / Math.max(seconds, 1e-9), seconds));
      EpochRecord record = history.get(history.size() - 1);
      LOG.atInfo().addKeyValue("event", "epoch").addKeyValue("epoch", epoch).addKeyValue("train_loss", record.trainLoss())
          .addKeyValue("dev", dev).addKeyValue("best", improved).addKeyValue("lr", record.learningRate())
          .addKeyValue("tokens_per_second", record.tokensPerSecond()).addKeyValue("seconds", seconds)
          .log(String.format(Locale.ROOT, "epoch %d: train loss %.4f, dev %.4f%s, lr %.2e, %.0f tok/s, %.0f s", epoch,
              record.trainLoss(), dev, improved ? " (best)" : "", record.learningRate(), record.tokensPerSecond(),
              seconds));
      int bestEpoch = improved ? epoch : state.bestEpoch();
      state = new TrainingState(epoch, step, stopping.best(), bestEpoch, stopping.staleEpochs(),
          schedule.plateauScale(), history);
      checkpoints.save(block, state, improved);
    }
    checkpoints.loadBest(block);
    return state;
  }

  private double step(Trainer trainer, Batch batch, int epoch, int step) {
    try (NDManager scope = trainer.getManager().newSubManager()) {
      double value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(batch.inputs(scope));
        NDArray loss = trainer.getLoss().evaluate(batch.labels(scope), predictions);
        value = loss.getFloat();
        if (!Double.isFinite(value)) {
          throw diverged("loss", value, epoch, step);
        }
        collector.backward(loss);
      }
      double norm = GradientNorm.clip(trainer.getModel().getBlock().getParameters(), settings.clipNorm());
      if (!Double.isFinite(norm)) {
        throw diverged("gradient norm", norm, epoch, step);
      }
      trainer.step();
      return value;
    }
  }

  private TrainingDivergedException diverged(String what, double value, int epoch, int step) {
    return new TrainingDivergedException("epoch " + epoch + ", step " + (step + 1) + ": the " + what + " is " + value
        + "; stopped with the last good checkpoint in " + checkpoints.directory() + " untouched");
  }
}
