package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One step through the engine's fused kernel equals the matrix-product step, on both engines and cells. */
class RecurrentStepTest {
  private static final int BATCH = 3;
  private static final int IN = 5;
  private static final int HIDDEN = 4;

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (EngineChoice engine : EngineChoice.values()) {
      for (CellType cell : CellType.values()) {
        all.add(Arguments.of(engine, cell));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void fusedStepEqualsTheMatrixProductStep(EngineChoice engine, CellType cell) {
    try (NDManager manager = NDManager.newBaseManager(engine.djlName())) {
      manager.getEngine().setRandomSeed(4);
      long gates = (long) cell.gates() * HIDDEN;
      NDArray x = manager.randomNormal(new Shape(BATCH, IN));
      NDArray h = manager.randomNormal(new Shape(BATCH, HIDDEN));
      NDArray c = manager.randomNormal(new Shape(BATCH, HIDDEN));
      NDList weights = new NDList(manager.randomNormal(new Shape(gates, IN)), manager.randomNormal(new Shape(gates, HIDDEN)),
          manager.randomNormal(new Shape(gates)), manager.randomNormal(new Shape(gates)));
      NDList fused = RecurrentStep.fused(cell, x, h, c, weights, false);
      if (cell == CellType.LSTM) {
        NDList reference = RecurrentStep.lstm(x, h, c, weights.get(0), weights.get(1), weights.get(2), weights.get(3));
        assertClose(fused.get(0), reference.get(0));
        assertClose(fused.get(1), reference.get(1));
      } else {
        assertThat(fused).hasSize(1);
        assertClose(fused.get(0), RecurrentStep.gru(x, h, weights.get(0), weights.get(1), weights.get(2), weights.get(3)));
      }
    }
  }

  private static void assertClose(NDArray actual, NDArray expected) {
    assertThat(actual.getShape()).isEqualTo(new Shape(BATCH, HIDDEN));
    assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
  }
}
