package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused block against a step-by-step reference built from {@link RecurrentStep}, with the block's
 * own named parameters: outputs and final states agree to 1e-5 on both engines.
 */
class FusedRecurrentTest {
  private static final int BATCH = 3;
  private static final int TIME = 5;
  private static final int FEATURES = 4;
  private static final int HIDDEN = 6;

  static Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (EngineChoice engine : EngineChoice.values()) {
      for (CellType cell : CellType.values()) {
        for (boolean bidirectional : new boolean[] {false, true}) {
          for (int layers = 1; layers <= 3; layers++) {
            all.add(Arguments.of(engine, cell, bidirectional, layers));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} bidirectional={2} layers={3}")
  @MethodSource("configurations")
  void matchesTheStepByStepReference(EngineChoice engine, CellType cell, boolean bidirectional, int layers) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(7);
      FusedRecurrent block = new FusedRecurrent(cell, HIDDEN, layers, bidirectional, 0.0);
      block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, TIME, FEATURES));
      int directions = block.directions();
      NDArray x = manager.randomNormal(new Shape(BATCH, TIME, FEATURES));
      NDArray h0 = manager.randomNormal(new Shape((long) layers * directions, BATCH, HIDDEN));
      NDArray c0 = manager.randomNormal(new Shape((long) layers * directions, BATCH, HIDDEN));
      NDList inputs = cell == CellType.LSTM ? new NDList(x, h0, c0) : new NDList(x, h0);
      NDList fused = block.forward(new ParameterStore(manager, false), inputs, false);

      NDList reference = reference(block, x, h0, c0);
      assertClose(fused.get(0), reference.get(0));
      assertClose(fused.get(1), reference.get(1));
      if (cell == CellType.LSTM) {
        assertClose(fused.get(2), reference.get(2));
      }
    }
  }

  private static void assertClose(NDArray actual, NDArray expected) {
    assertThat(actual.getShape()).isEqualTo(expected.getShape());
    assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
  }

  /** Layer by layer, direction by direction, one step at a time. Returns (outputs, h, c). */
  private static NDList reference(FusedRecurrent block, NDArray x, NDArray h0, NDArray c0) {
    NDArray input = x;
    List<NDArray> finalH = new ArrayList<>();
    List<NDArray> finalC = new ArrayList<>();
    for (int layer = 0; layer < block.layers(); layer++) {
      List<NDArray> directionOutputs = new ArrayList<>();
      for (int direction = 0; direction < block.directions(); direction++) {
        int state = layer * block.directions() + direction;
        NDArray h = h0.get(state);
        NDArray c = c0.get(state);
        NDArray[] steps = new NDArray[TIME];
        for (int k = 0; k < TIME; k++) {
          int t = direction == 0 ? k : TIME - 1 - k;
          NDArray xt = input.get(new NDIndex(":, {}, :", t));
          if (block.cell() == CellType.LSTM) {
            NDList next = RecurrentStep.lstm(xt, h, c, array(block, layer, direction, "w_ih"),
                array(block, layer, direction, "w_hh"), array(block, layer, direction, "b_ih"),
                array(block, layer, direction, "b_hh"));
            h = next.get(0);
            c = next.get(1);
          } else {
            h = RecurrentStep.gru(xt, h, array(block, layer, direction, "w_ih"), array(block, layer, direction, "w_hh"),
                array(block, layer, direction, "b_ih"), array(block, layer, direction, "b_hh"));
          }
          steps[t] = h.expandDims(1);
        }
        directionOutputs.add(NDArrays.concat(new NDList(steps), 1));
        finalH.add(h.expandDims(0));
        finalC.add(c.expandDims(0));
      }
      input = NDArrays.concat(new NDList(directionOutputs), 2);
    }
    return new NDList(input, NDArrays.concat(new NDList(finalH), 0), NDArrays.concat(new NDList(finalC), 0));
  }

  private static NDArray array(FusedRecurrent block, int layer, int direction, String name) {
    return block.parameter(layer, direction, name).getArray();
  }
}
