package io.seqpipe.models.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.seqpipe.models.progress.Progress;
import io.seqpipe.models.train.TrainingState.EpochRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs of training around a DJL {@link Trainer}: global-norm clipping, the learning-rate schedule,
 * NaN/Inf detection, early stopping on a dev metric, a checkpoint after every epoch (the best one kept, or
 * the last N when the final model averages them),
 * resumption from the last checkpoint, {@link Progress} with loss and throughput, and one summary log
 * line ({@code event=epoch}) per epoch.
 *
 * <p>Resumption is exact: a checkpoint holds the parameters, the optimizer's moments and update counts
 * ({@link ResumableOptimizer}), the schedule's and early stopping's state; the batches of an epoch are a
 * function of the epoch, and the engine's random generator (dropout) is reseeded from {@code (seed,
 * epoch)} at the start of each epoch. A run killed at any point and rerun restarts the epoch it was in
 * from its start and ends with the parameters an uninterrupted run has, where the engine is
 * deterministic (CPU).
 *
 * <pre>{@code
 * TrainingLoop loop = new TrainingLoop(new Settings(10, 1.0f, 3, true, seed), new Checkpoints(dir));
 * TrainingState state = loop.run(new Setup(model, objective, AdamOptimizer.adam(schedule, 0f), inputShape),
 *     epoch -> batches(epoch), () -> devF1(model), schedule);
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
   * What is trained.
   *
   * @param model the model; its block is initialized here if it is not yet
   * @param objective the loss to minimise
   * @param optimizer the optimizer, whose state is checkpointed
   * @param inputShapes the shapes of the model's inputs
   */
  public record Setup(Model model, Objective objective, ResumableOptimizer optimizer, Shape... inputShapes) {}

  private static DefaultTrainingConfig config(Setup setup) {
    Loss loss = new Loss("objective") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        return setup.objective().loss(predictions, labels);
      }
    };
    return new DefaultTrainingConfig(loss).optOptimizer(setup.optimizer())
        .optDevices(new Device[] {setup.model().getNDManager().getDevice()});
  }

  /**
   * @param epochs the most epochs to train
   * @param clipNorm global gradient-norm threshold (0 = off)
   * @param patience epochs without dev improvement before stopping (0 = never)
   * @param higherIsBetter whether a larger dev metric is better (false for a loss)
   * @param seed the run's seed: each epoch's random generator is seeded from it and the epoch
   */
  public record Settings(int epochs, float clipNorm, int patience, boolean higherIsBetter, long seed) {}

  private final Settings settings;
  private final Checkpoints checkpoints;
  private StepThreads stepThreads;

  public TrainingLoop(Settings settings, Checkpoints checkpoints) {
    this.settings = settings;
    this.checkpoints = checkpoints;
  }

  /**
   * Trains, continuing from the last checkpoint if there is one, and leaves the final parameters in the
   * model's block: the best checkpoint's, or the mean of the last ones ({@link Checkpoints#loadFinal}). The checkpoint is loaded before the trainer is made, since an engine's parameter
   * server (MXNet's) copies the parameters when the trainer is initialized.
   *
   * @param batches the batches of an epoch (1-based), in order
   * @param devMetric the dev metric of the model as it is
   * @return the state after the last epoch
   * @throws TrainingDivergedException on a NaN or infinite loss or gradient
   */
  public TrainingState run(Setup setup, IntFunction<List<? extends Batch>> batches, DoubleSupplier devMetric,
      LearningRateSchedule schedule) throws IOException {
    Model model = setup.model();
    Block block = model.getBlock();
    if (!block.isInitialized()) {
      block.initialize(model.getNDManager(), model.getDataType(), setup.inputShapes());
    }
    Optional<TrainingState> resumed = checkpoints.loadLast(block, setup.optimizer());
    TrainingState state = resumed.orElse(
        new TrainingState(0, 0, Double.NaN, 0, 0, LearningRateSchedule.State.START, List.of()));
    EarlyStopping stopping = new EarlyStopping(settings.higherIsBetter(), settings.patience());
    if (resumed.isPresent()) {
      stopping.restore(state.bestMetric(), state.staleEpochs());
      schedule.resume(state.schedule());
    }
    stepThreads = StepThreads.of(model);
    LOG.atInfo().addKeyValue("event", "engine_threads").addKeyValue("threads", stepThreads.chosen())
        .addKeyValue("available", stepThreads.available())
        .log("engine threads per step: {} of {} (largest weight matrix {} weights)", stepThreads.chosen(),
            stepThreads.available(), stepThreads.largestWeights());
    try (Trainer trainer = model.newTrainer(config(setup)); StepThreads.Scope scope = stepThreads.apply()) {
      trainer.initialize(setup.inputShapes());
      releasePreparationGarbage();
      state = epochs(trainer, setup.optimizer(), state, stopping, batches, devMetric, schedule);
    }
    checkpoints.loadFinal(block);
    return state;
  }

  /** The engine threads the last {@link #run}'s steps ran on; null before a run. */
  public StepThreads stepThreads() {
    return stepThreads;
  }

  private TrainingState epochs(Trainer trainer, ResumableOptimizer optimizer, TrainingState start,
      EarlyStopping stopping, IntFunction<List<? extends Batch>> batches, DoubleSupplier devMetric,
      LearningRateSchedule schedule) throws IOException {
    Block block = trainer.getModel().getBlock();
    TrainingState state = start;
    List<EpochRecord> history = new ArrayList<>(state.history());
    int step = state.step();
    for (int epoch = state.epoch() + 1; epoch <= settings.epochs() && !stopping.shouldStop(); epoch++) {
      trainer.getManager().getEngine().setRandomSeed(epochSeed(settings.seed(), epoch));
      List<? extends Batch> epochBatches = batches.apply(epoch);
      schedule.totalSteps(epochBatches.size() * settings.epochs());
      long started = System.nanoTime();
      double lossSum = 0;
      long tokens = 0;
      int startStep = step;
      try (Progress progress = Progress.start("epoch " + epoch, epochBatches.size(), "batches")) {
        for (Batch batch : epochBatches) {
          double loss = step(trainer, optimizer, batch, epoch, step);
          lossSum += loss;
          tokens += batch.tokens();
          step++;
          double seconds = (System.nanoTime() - started) / 1e9;
          progress.stepTo(step - startStep, String.format(Locale.ROOT, "loss %.4f, %.0f tok/s", loss,
              tokens / Math.max(seconds, 1e-9)));
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double dev = devMetric.getAsDouble();
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
      state = new TrainingState(epoch, step, stopping.best(), bestEpoch, stopping.staleEpochs(), schedule.state(),
          history);
      checkpoints.save(block, optimizer, state);
    }
    return state;
  }

  /**
   * One full collection before the epochs. Reading, tokenizing and counting the data (learning BPE merges,
   * building vocabularies) grows the Java heap to gigabytes, nearly all garbage by now, which G1 would keep
   * committed and resident through the whole training: 2.6 GB committed for 230 MB used after the Bible
   * benchmark's BPE preparation, where this collection returned 400 MB of resident memory to the system
   * (BENCHMARKS.md, "The Java heap after data preparation").
   */
  private static void releasePreparationGarbage() {
    System.gc();
  }

  /** The engine seed of an epoch: SplitMix64's finalizer over the run's seed and the epoch. */
  private static int epochSeed(long seed, int epoch) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) (z ^ (z >>> 31)) & Integer.MAX_VALUE;
  }

  private double step(Trainer trainer, ResumableOptimizer optimizer, Batch batch, int epoch, int step) {
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
      update(trainer.getModel().getBlock(), optimizer, scope, epoch, step);
      return value;
    }
  }

  /**
   * Clips the gradients by their global norm and updates each trained parameter in place, in one pass over
   * one set of gradient handles (DJL's {@code trainer.step()} would go through the engine's parameter
   * server: MXNet's key-value store, a round trip through native code per parameter, or a copy of each
   * gradient). Single-device training: the block's parameters are the arrays the forward pass used.
   */
  private void update(Block block, ResumableOptimizer optimizer, NDManager scope, int epoch, int step) {
    List<Parameter> trained = new ArrayList<>();
    List<NDArray> gradients = new ArrayList<>();
    for (Parameter parameter : block.getParameters().values()) {
      if (parameter.requiresGradient() && parameter.isInitialized()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.attach(scope);   // a new handle each time: freed with the step
        trained.add(parameter);
        gradients.add(gradient);
      }
    }
    double norm = GradientNorm.of(gradients);
    if (!Double.isFinite(norm)) {
      throw diverged("gradient norm", norm, epoch, step);
    }
    optimizer.scaleGradients(GradientNorm.clipScale(norm, settings.clipNorm()));
    for (int i = 0; i < trained.size(); i++) {
      optimizer.update(trained.get(i).getId(), trained.get(i).getArray(), gradients.get(i));
    }
  }

  private TrainingDivergedException diverged(String what, double value, int epoch, int step) {
    return new TrainingDivergedException("epoch " + epoch + ", step " + (step + 1) + ": the " + what + " is " + value
        + "; stopped with the last good checkpoint in " + checkpoints.directory() + " untouched");
  }
}
