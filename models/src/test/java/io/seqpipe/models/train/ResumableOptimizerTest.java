package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.seqpipe.models.engine.EngineChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seqpipe's optimizers take the steps DJL's own take, on both engines. */
class ResumableOptimizerTest {
  private static final float LR = 0.01f;

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (EngineChoice engine : EngineChoice.values()) {
      pairs.add(Arguments.of(engine, "adam", (Supplier<Optimizer>) () -> Optimizer.adam()
          .optLearningRateTracker(Tracker.fixed(LR)).optWeightDecays(0.01f).build(),
          (Supplier<Optimizer>) () -> AdamOptimizer.adam(Tracker.fixed(LR), 0.01f)));
      pairs.add(Arguments.of(engine, "adamw", (Supplier<Optimizer>) () -> Optimizer.adamW()
          .optLearningRateTracker(Tracker.fixed(LR)).build(),
          (Supplier<Optimizer>) () -> AdamOptimizer.adamW(Tracker.fixed(LR), 0.01f)));
      pairs.add(Arguments.of(engine, "sgd+momentum", (Supplier<Optimizer>) () -> Optimizer.sgd()
          .setLearningRateTracker(Tracker.fixed(LR)).optMomentum(0.9f).optWeightDecays(0.001f).build(),
          (Supplier<Optimizer>) () -> new SgdOptimizer(Tracker.fixed(LR), 0.9f, 0.001f)));
      pairs.add(Arguments.of(engine, "sgd", (Supplier<Optimizer>) () -> Optimizer.sgd()
          .setLearningRateTracker(Tracker.fixed(LR)).optWeightDecays(0.001f).build(),
          (Supplier<Optimizer>) () -> new SgdOptimizer(Tracker.fixed(LR), 0f, 0.001f)));
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pairs")
  void takesTheStepsOfDjlsOwn(EngineChoice engine, String name, Supplier<Optimizer> djl,
      Supplier<Optimizer> ours) {
    float[][] expected = train(engine, djl.get());
    float[][] actual = train(engine, ours.get());
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertThat(actual[i][j]).as("parameter %d [%d]", i, j).isCloseTo(expected[i][j],
            org.assertj.core.api.Assertions.within(1e-6f));
      }
    }
  }

  /** Eight steps on a two-layer block from a seeded start; the parameters after them. */
  private static float[][] train(EngineChoice engine, Optimizer optimizer) {
    try (Model model = Model.newInstance("tiny", engine.djlName())) {
      model.getNDManager().getEngine().setRandomSeed(3);
      model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(5).build())
          .add(NDArrays -> new NDList(NDArrays.head().tanh())).add(Linear.builder().setUnits(2).build()));
      Loss loss = Loss.l2Loss();
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer))) {
        trainer.initialize(new Shape(8, 4));
        Random random = new Random(9);
        for (int step = 0; step < 8; step++) {
          try (NDManager scope = trainer.getManager().newSubManager();
              GradientCollector collector = trainer.newGradientCollector()) {
            NDArray x = scope.create(floats(random, 32), new Shape(8, 4));
            NDArray y = scope.create(floats(random, 16), new Shape(8, 2));
            collector.backward(loss.evaluate(new NDList(y), trainer.forward(new NDList(x))));
          }
          trainer.step();
        }
      }
      return model.getBlock().getParameters().values().stream().map(p -> p.getArray().toFloatArray())
          .toArray(float[][]::new);
    }
  }

  private static float[] floats(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
