package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import io.seqpipe.models.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loop on a learnable regression (y = 2 x1 - 3 x2 + 1), on both engines. */
class TrainingLoopTest {
  private static final int FEATURES = 2;

  private record RegressionBatch(float[] x, float[] y) implements TrainingLoop.Batch {
    @Override
    public NDList inputs(NDManager manager) {
      return new NDList(manager.create(x, new Shape(y.length, FEATURES)));
    }

    @Override
    public NDList labels(NDManager manager) {
      return new NDList(manager.create(y, new Shape(y.length, 1)));
    }

    @Override
    public long tokens() {
      return y.length;
    }
  }

  private static List<RegressionBatch> epoch(int epoch) {
    Random random = new Random(epoch);
    List<RegressionBatch> batches = new ArrayList<>();
    for (int b = 0; b < 20; b++) {
      float[] x = new float[16 * FEATURES];
      float[] y = new float[16];
      for (int i = 0; i < 16; i++) {
        x[2 * i] = random.nextFloat() * 2 - 1;
        x[2 * i + 1] = random.nextFloat() * 2 - 1;
        y[i] = 2 * x[2 * i] - 3 * x[2 * i + 1] + 1;
      }
      batches.add(new RegressionBatch(x, y));
    }
    return batches;
  }

  private static final TrainingLoop.Objective MSE =
      (predictions, labels) -> predictions.head().sub(labels.head()).square().mean();

  /** Mean squared error on a fixed dev set (lower is better). */
  private static double devError(Trainer trainer) {
    RegressionBatch dev = epoch(1000).get(0);
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray predicted = trainer.evaluate(dev.inputs(scope)).head();
      return predicted.sub(dev.labels(scope).head()).square().mean().getFloat();
    }
  }

  private static Model model(EngineChoice engine) {
    Model model = Model.newInstance("regression", engine.djlName());
    model.getNDManager().getEngine().setRandomSeed(5);
    Block block = Linear.builder().setUnits(1).build();
    model.setBlock(block);
    return model;
  }

  private static Trainer trainer(Model model, LearningRateSchedule schedule) {
    return trainer(model, schedule, MSE);
  }

  private static Trainer trainer(Model model, LearningRateSchedule schedule, TrainingLoop.Objective objective) {
    Trainer trainer = model.newTrainer(TrainingLoop.config(objective,
        Optimizer.adam().optLearningRateTracker(schedule).build(), model.getNDManager().getDevice()));
    trainer.initialize(new Shape(16, FEATURES));
    return trainer;
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void lowersTheLossAndKeepsTheBestCheckpoint(EngineChoice engine, @TempDir Path dir) throws Exception {
    LearningRateSchedule schedule = LearningRateSchedule.plateau(0.05f, 0.5f, 1, 0f);
    TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(6, 1.0f, 3, false), new Checkpoints(dir));
    try (Model model = model(engine); Trainer trainer = trainer(model, schedule)) {
      double before = devError(trainer);
      TrainingState state = loop.run(trainer, TrainingLoopTest::epoch, TrainingLoopTest::devError, schedule);
      assertThat(state.epoch()).isEqualTo(6);
      assertThat(state.history()).hasSize(6);
      assertThat(state.history().get(5).trainLoss()).isLessThan(state.history().get(0).trainLoss() * 0.1);
      assertThat(devError(trainer)).isLessThan(before * 0.05).isEqualTo(state.bestMetric(), within(1e-6));
      assertThat(Files.readString(dir.resolve("best"))).isEqualTo(String.format("epoch-%04d", state.bestEpoch()));
      assertThat(Files.readString(dir.resolve("last"))).isEqualTo("epoch-0006");
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void stepsLeaveNoArraysBehindInTheModel(EngineChoice engine, @TempDir Path dir) throws Exception {
    int[] arrays = new int[2];
    int[] epochs = {1, 4};
    for (int run = 0; run < 2; run++) {
      LearningRateSchedule schedule = LearningRateSchedule.constant(0.01f);
      TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(epochs[run], 0.1f, 9, false),
          new Checkpoints(dir.resolve("run" + run)));
      try (Model model = model(engine); Trainer trainer = trainer(model, schedule)) {
        loop.run(trainer, TrainingLoopTest::epoch, TrainingLoopTest::devError, schedule);
        arrays[run] = model.getNDManager().getManagedArrays().size();
      }
    }
    assertThat(arrays[1]).as("arrays held by the model after 4 epochs vs. 1").isEqualTo(arrays[0]);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void nanLossStopsWithTheLastGoodCheckpointIntact(EngineChoice engine, @TempDir Path dir) throws Exception {
    Checkpoints checkpoints = new Checkpoints(dir);
    TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(4, 1.0f, 0, false), checkpoints);
    int[] calls = {0};
    TrainingLoop.Objective poisoned = (predictions, labels) -> {
      NDArray loss = MSE.loss(predictions, labels);
      return ++calls[0] == 30 ? loss.mul(Float.NaN) : loss; // step 10 of epoch 2
    };
    LearningRateSchedule schedule = LearningRateSchedule.constant(0.05f);
    try (Model model = model(engine); Trainer trainer = trainer(model, schedule, poisoned)) {
      assertThatThrownBy(() -> loop.run(trainer, TrainingLoopTest::epoch, TrainingLoopTest::devError, schedule))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessage("epoch 2, step 30: the loss is NaN; stopped with the last good checkpoint in " + dir + " untouched");
    }
    try (Model model = model(engine); Trainer trainer = trainer(model, schedule)) {
      TrainingState saved = checkpoints.loadLast(model.getBlock()).orElseThrow();
      assertThat(saved.epoch()).isEqualTo(1);
      assertThat(devError(trainer)).isEqualTo(saved.bestMetric(), within(1e-6));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void anInterruptedRunResumesAndCompletes(EngineChoice engine, @TempDir Path dir) throws Exception {
    TrainingLoop.Settings settings = new TrainingLoop.Settings(4, 1.0f, 0, false);
    IntFunction<List<? extends TrainingLoop.Batch>> killedInEpochThree = epoch -> {
      if (epoch == 3) {
        throw new IllegalStateException("killed");
      }
      return epoch(epoch);
    };
    try (Model model = model(engine); Trainer trainer = trainer(model, LearningRateSchedule.constant(0.05f))) {
      assertThatThrownBy(() -> new TrainingLoop(settings, new Checkpoints(dir)).run(trainer, killedInEpochThree,
          TrainingLoopTest::devError, LearningRateSchedule.constant(0.05f))).hasMessage("killed");
    }
    try (Model model = model(engine); Trainer trainer = trainer(model, LearningRateSchedule.constant(0.05f))) {
      TrainingState state = new TrainingLoop(settings, new Checkpoints(dir)).run(trainer, TrainingLoopTest::epoch,
          TrainingLoopTest::devError, LearningRateSchedule.constant(0.05f));
      assertThat(state.epoch()).isEqualTo(4);
      assertThat(state.history()).extracting(TrainingState.EpochRecord::epoch).containsExactly(1, 2, 3, 4);
      assertThat(state.step()).isEqualTo(80);
      assertThat(state.history().get(3).devMetric()).isLessThan(state.history().get(0).devMetric());
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyInAnyOrder("best", "last", "epoch-0004"); // older checkpoints removed
    }
  }
}
