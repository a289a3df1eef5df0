package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import java.util.ArrayList;
import java.util.List;
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
