package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loop on a learnable regression (y = 2 x1 - 3 x2 + 1, with input dropout), on both engines. */
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
  private static double devError(Model model) {
    RegressionBatch dev = epoch(1000).get(0);
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray predicted = model.getBlock().forward(new ParameterStore(scope, false), dev.inputs(scope), false).head();
      return predicted.sub(dev.labels(scope).head()).square().mean().getFloat();
    }
  }

  private static Model model(EngineChoice engine) {
    Model model = Model.newInstance("regression", engine.djlName());
    model.getNDManager().getEngine().setRandomSeed(5);
    model.setBlock(new SequentialBlock().add(Dropout.builder().optRate(0.2f).build())
        .add(Linear.builder().setUnits(1).build()));
    return model;
  }

  private static TrainingLoop.Setup setup(Model model, ResumableOptimizer optimizer) {
    return setup(model, optimizer, MSE);
  }

  private static TrainingLoop.Setup setup(Model model, ResumableOptimizer optimizer, TrainingLoop.Objective objective) {
    return new TrainingLoop.Setup(model, objective, optimizer, new Shape(16, FEATURES));
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void lowersTheLossAndKeepsTheBestCheckpoint(EngineChoice engine, @TempDir Path dir) throws Exception {
    LearningRateSchedule schedule = LearningRateSchedule.plateau(0.05f, 0.5f, 1, 0f);
    ResumableOptimizer adam = AdamOptimizer.adam(schedule, 0f);
    TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(6, 1.0f, 3, false, 7), new Checkpoints(dir));
    try (Model model = model(engine)) {
      model.getBlock().initialize(model.getNDManager(), model.getDataType(), new Shape(16, FEATURES));
      double before = devError(model);
      TrainingState state = loop.run(setup(model, adam), TrainingLoopTest::epoch, () -> devError(model), schedule);
      assertThat(state.epoch()).isEqualTo(6);
      assertThat(state.history()).hasSize(6);
      assertThat(state.history().get(5).trainLoss()).isLessThan(state.history().get(0).trainLoss() * 0.3);
      assertThat(devError(model)).isLessThan(before * 0.05).isEqualTo(state.bestMetric(), within(1e-6));
      assertThat(dir.resolve(String.format("epoch-%04d", state.bestEpoch()))).isDirectory();
      assertThat(Files.readString(dir.resolve("last"))).isEqualTo("epoch-0006");
    }
  }

  /**
   * With {@code average_last 3} the final model is the mean of epochs 4-6's checkpoints, whichever was
   * best, and only those are kept.
   */
  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void averagingKeepsTheLastCheckpointsAndEndsWithTheirMean(EngineChoice engine, @TempDir Path dir) throws Exception {
    LearningRateSchedule schedule = LearningRateSchedule.constant(0.05f);
    Checkpoints checkpoints = new Checkpoints(dir, 3);
    TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(6, 1.0f, 0, false, 7), checkpoints);
    try (Model model = model(engine); Model reference = model(engine)) {
      TrainingState state = loop.run(setup(model, AdamOptimizer.adam(schedule, 0f)), TrainingLoopTest::epoch,
          () -> devError(model), schedule);
      assertThat(checkpoints.finalEpochs(state)).containsExactly(4, 5, 6);
      try (var entries = Files.list(dir)) {
        assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-")).sorted())
            .containsExactly("epoch-0004", "epoch-0005", "epoch-0006");
      }
      reference.getBlock().initialize(reference.getNDManager(), reference.getDataType(), new Shape(16, FEATURES));
      double[] sum = new double[FEATURES];
      for (int epoch = 4; epoch <= 6; epoch++) {
        ParameterFile.read(reference.getBlock(), dir.resolve(String.format("epoch-%04d/parameters.bin", epoch)));
        float[] weights = reference.getBlock().getParameters().get("02Linear_weight").getArray().toFloatArray();
        for (int i = 0; i < FEATURES; i++) {
          sum[i] += weights[i];
        }
      }
      float[] averaged = model.getBlock().getParameters().get("02Linear_weight").getArray().toFloatArray();
      for (int i = 0; i < FEATURES; i++) {
        assertThat(averaged[i]).isEqualTo((float) (sum[i] / 3));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void stepsLeaveNoArraysBehindInTheModel(EngineChoice engine, @TempDir Path dir) throws Exception {
    int[] arrays = new int[2];
    int[] epochs = {1, 4};
    for (int run = 0; run < 2; run++) {
      LearningRateSchedule schedule = LearningRateSchedule.constant(0.01f);
      ResumableOptimizer adam = AdamOptimizer.adam(schedule, 0f);
      TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(epochs[run], 0.1f, 9, false, 7),
          new Checkpoints(dir.resolve("run" + run)));
      try (Model model = model(engine)) {
        loop.run(setup(model, adam), TrainingLoopTest::epoch, () -> devError(model), schedule);
        arrays[run] = model.getNDManager().getManagedArrays().size();
      }
    }
    assertThat(arrays[1]).as("arrays held by the model after 4 epochs vs. 1").isEqualTo(arrays[0]);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void nanLossStopsWithTheLastGoodCheckpointIntact(EngineChoice engine, @TempDir Path dir) throws Exception {
    Checkpoints checkpoints = new Checkpoints(dir);
    TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(4, 1.0f, 0, false, 7), checkpoints);
    int[] calls = {0};
    TrainingLoop.Objective poisoned = (predictions, labels) -> {
      NDArray loss = MSE.loss(predictions, labels);
      return ++calls[0] == 30 ? loss.mul(Float.NaN) : loss; // step 10 of epoch 2
    };
    LearningRateSchedule schedule = LearningRateSchedule.constant(0.05f);
    ResumableOptimizer adam = AdamOptimizer.adam(schedule, 0f);
    try (Model model = model(engine)) {
      assertThatThrownBy(() -> loop.run(setup(model, adam, poisoned), TrainingLoopTest::epoch, () -> devError(model),
          schedule))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessage("epoch 2, step 30: the loss is NaN; stopped with the last good checkpoint in " + dir + " untouched");
    }
    ResumableOptimizer fresh = AdamOptimizer.adam(schedule, 0f);
    try (Model model = model(engine)) {
      model.getBlock().initialize(model.getNDManager(), model.getDataType(), new Shape(16, FEATURES));
      TrainingState saved = checkpoints.loadLast(model.getBlock(), fresh).orElseThrow();
      assertThat(saved.epoch()).isEqualTo(1);
      assertThat(devError(model)).isEqualTo(saved.bestMetric(), within(1e-6));
      assertThat(fresh.updateCounts(model.getBlock())).containsOnly(entry("02Linear_weight", 20),
          entry("02Linear_bias", 20));
    }
  }

  /**
   * A run stopped inside epoch 3 (or in a checkpoint write, which leaves a staging and an unreferenced
   * directory behind) and rerun ends with the uninterrupted run's parameters and optimizer state, byte
   * for byte: moments, update counts, plateau schedule and dropout's random stream all carry over.
   */
  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aRunStoppedAnywhereAndRerunEndsBitIdentical(EngineChoice engine, @TempDir Path dir) throws Exception {
    Path uninterrupted = dir.resolve("uninterrupted");
    TrainingState expected = train(engine, uninterrupted, TrainingLoopTest::epoch);
    Path stopped = dir.resolve("stopped");
    IntFunction<List<? extends TrainingLoop.Batch>> stoppedInEpochThree = epoch -> {
      List<TrainingLoop.Batch> batches = new ArrayList<>(epoch(epoch));
      return epoch < 3 ? batches : Stream.concat(batches.stream().limit(7), Stream.of(STOP)).toList();
    };
    assertThatThrownBy(() -> train(engine, stopped, stoppedInEpochThree)).hasMessage("stopped");
    Files.createDirectories(stopped.resolve(".staging-epoch-0003"));
    Files.writeString(stopped.resolve(".staging-epoch-0003/parameters.bin"), "half-writ");
    Files.createDirectories(stopped.resolve("epoch-0003"));
    Files.writeString(stopped.resolve("epoch-0003/state.json"), "{");

    TrainingState resumed = train(engine, stopped, TrainingLoopTest::epoch);

    assertThat(resumed).isEqualTo(expected);
    for (String file : List.of("parameters.bin", "optimizer.bin", "optimizer.json")) {
      assertThat(stopped.resolve("epoch-0005").resolve(file)).as(file).exists()
          .hasSameBinaryContentAs(uninterrupted.resolve("epoch-0005").resolve(file));
    }
    try (var entries = Files.list(stopped)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).doesNotContain(".staging-epoch-0003");
    }
  }

  private static TrainingState train(EngineChoice engine, Path dir, IntFunction<List<? extends TrainingLoop.Batch>>
      batches) throws Exception {
    LearningRateSchedule schedule = LearningRateSchedule.plateau(0.05f, 0.5f, 0, 0f);
    ResumableOptimizer adam = AdamOptimizer.adam(schedule, 1e-3f);
    try (Model model = model(engine)) {
      TrainingState state = new TrainingLoop(new TrainingLoop.Settings(5, 1.0f, 0, false, 7), new Checkpoints(dir))
          .run(setup(model, adam), batches, () -> devError(model), schedule);
      return new TrainingState(state.epoch(), state.step(), state.bestMetric(), state.bestEpoch(),
          state.staleEpochs(), state.schedule(), state.history().stream().map(r -> new TrainingState.EpochRecord(
              r.epoch(), r.trainLoss(), r.devMetric(), r.learningRate(), 0, 0)).toList());
    }
  }

  /** Stands for a kill: fails when its step begins. */
  private static final TrainingLoop.Batch STOP = new TrainingLoop.Batch() {
    @Override
    public NDList inputs(NDManager manager) {
      throw new IllegalStateException("stopped");
    }

    @Override
    public NDList labels(NDManager manager) {
      throw new IllegalStateException("stopped");
    }

    @Override
    public long tokens() {
      return 0;
    }
  };
}
