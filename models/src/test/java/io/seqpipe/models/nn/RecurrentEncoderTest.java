package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A sentence encodes the same alone and in a batch with longer sentences, on both engines. */
class RecurrentEncoderTest {
  private static final int FEATURES = 4;

  static Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (EngineChoice engine : EngineChoice.values()) {
      for (CellType cell : CellType.values()) {
        for (boolean bidirectional : new boolean[] {false, true}) {
          all.add(Arguments.of(engine, cell, bidirectional));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} bidirectional={2}")
  @MethodSource("configurations")
  void paddingDoesNotLeak(EngineChoice engine, CellType cell, boolean bidirectional) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(3);
      RecurrentEncoder encoder = new RecurrentEncoder(cell, 5, 2, bidirectional, 0.0, true);
      encoder.initialize(manager, DataType.FLOAT32, new Shape(2, 6, FEATURES), new Shape(2));
      ParameterStore store = new ParameterStore(manager, false);
      NDArray shortSentence = manager.randomNormal(new Shape(1, 2, FEATURES));
      NDArray longSentence = manager.randomNormal(new Shape(1, 6, FEATURES));
      // the short sentence padded with large garbage, batched with the long one
      NDArray garbage = manager.full(new Shape(1, 4, FEATURES), 100f);
      NDArray batch = shortSentence.concat(garbage, 1).concat(longSentence, 0);
      NDList batched = encoder.forward(store, new NDList(batch, manager.create(new int[] {2, 6})), false);
      NDList alone = encoder.forward(store, new NDList(shortSentence, manager.create(new int[] {2})), false);

      float[] inBatch = batched.get(0).get(new NDIndex("0, 0:2, :")).toFloatArray();
      assertThat(inBatch).containsExactly(alone.get(0).get(new NDIndex("0, :, :")).toFloatArray(), within(1e-5f));
      for (float padded : batched.get(0).get(new NDIndex("0, 2:, :")).toFloatArray()) {
        assertThat(Math.abs(padded)).isZero(); // -0.0 counts as zero
      }
      assertThat(batched.get(1).get(new NDIndex(":, 0, :")).toFloatArray())
          .containsExactly(alone.get(1).get(new NDIndex(":, 0, :")).toFloatArray(), within(1e-5f));
      assertThat(batched.get(1).getShape()).isEqualTo(new Shape(2L * (bidirectional ? 2 : 1), 2, 5));
    }
  }

  /**
   * A batch without padding runs both directions in one engine call; a padded batch masks and reverses.
   * Both must give the same outputs and gradients for the same full-length sentences.
   */
  @ParameterizedTest(name = "{0} {1} bidirectional={2}")
  @MethodSource("configurations")
  void unpaddedAndPaddedBatchesAgreeInValuesAndGradients(EngineChoice engine, CellType cell, boolean bidirectional) {
    float[][] full = outputsAndGradients(engine, cell, bidirectional, false);
    float[][] padded = outputsAndGradients(engine, cell, bidirectional, true);
    for (int i = 0; i < full.length; i++) {
      assertThat(full[i]).as("array %d", i).containsExactly(padded[i], within(1e-5f));
    }
    double gradient = 0;
    for (float g : full[1]) {
      gradient += Math.abs(g);
    }
    assertThat(gradient).as("the input gradient is not all zero").isGreaterThan(0.1);
  }

  /**
   * Outputs, input gradient and parameter gradients for two sentences of length 3, alone in a batch or
   * beside a third, shorter one (whose outputs the loss does not read).
   */
  private static float[][] outputsAndGradients(EngineChoice engine, CellType cell, boolean bidirectional,
      boolean withShorter) {
    Random random = new Random(5);
    int rows = withShorter ? 3 : 2;
    float[] values = new float[rows * 3 * FEATURES];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(3);
      RecurrentEncoder encoder = new RecurrentEncoder(cell, 5, 2, bidirectional, 0.0, true);
      encoder.initialize(manager, DataType.FLOAT32, new Shape(rows, 3, FEATURES), new Shape(rows));
      ParameterStore store = new ParameterStore(manager, false);
      NDArray x = manager.create(values, new Shape(rows, 3, FEATURES));
      x.setRequiresGradient(true);
      NDArray lengths = manager.create(withShorter ? new int[] {3, 3, 1} : new int[] {3, 3});
      NDList out;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        out = encoder.forward(store, new NDList(x, lengths), true);
        NDArray outputs = out.get(0).get(new NDIndex("0:2"));
        NDArray states = out.get(1).get(new NDIndex(":, 0:2"));
        NDArray loss = outputs.mul(manager.arange((float) outputs.size()).reshape(outputs.getShape()).sin()).sum()
            .add(states.square().sum());
        collector.backward(loss);
      }
      List<float[]> result = new ArrayList<>();
      result.add(out.get(0).get(new NDIndex("0:2")).toFloatArray());
      result.add(x.getGradient().get(new NDIndex("0:2")).toFloatArray());
      result.add(out.get(1).get(new NDIndex(":, 0:2")).toFloatArray());
      encoder.getParameters().values().forEach(parameter -> result.add(parameter.getArray().getGradient().toFloatArray()));
      return result.toArray(new float[0][]);
    }
  }

  @Test
  void reversalReversesWithinLengthsAndUndoesItself() {
    try (NDManager manager = EngineChoice.PYTORCH.engine().newBaseManager()) {
      NDArray x = manager.create(new float[] {1, 2, 3, 0, 4, 5, 6, 7}, new Shape(2, 4, 1));
      Reversal reversal = Reversal.of(manager, new int[] {3, 4}, 4);
      assertThat(reversal.apply(x).toFloatArray()).containsExactly(3, 2, 1, 0, 7, 6, 5, 4);
      assertThat(reversal.apply(reversal.apply(x)).toFloatArray()).containsExactly(x.toFloatArray());
    }
  }
}
