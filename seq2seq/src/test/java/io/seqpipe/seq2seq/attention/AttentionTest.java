package io.seqpipe.seq2seq.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.Masks;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttentionTest {

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"MXNET, bahdanau", "MXNET, luong_dot", "MXNET, luong_general", "PYTORCH, bahdanau", "PYTORCH, luong_dot",
      "PYTORCH, luong_general"})
  void weightsCoverRealTokensOnlyAndTheContextIsTheirAverage(EngineChoice engine, String type) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      int batch = 2;
      int source = 4;
      int width = 6;
      Random random = new Random(3);
      float[] values = new float[batch * source * width];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian();
      }
      NDArray memory = manager.create(values, new Shape(batch, source, width));
      NDArray query = manager.randomNormal(new Shape(batch, width));
      NDArray mask = Masks.fromLengths(manager, new int[] {4, 2}, source);
      Attention attention = Attention.create(type, width);
      attention.initialize(manager, DataType.FLOAT32, memory.getShape(), query.getShape());
      ParameterStore store = new ParameterStore(manager, false);
      NDArray keys = attention.keys(store, memory, false);
      NDList attended = attention.attend(store, query, keys, memory, mask, false);
      float[] weights = attended.get(1).toFloatArray();
      float[] context = attended.get(0).toFloatArray();
      for (int b = 0; b < batch; b++) {
        double sum = 0;
        for (int s = 0; s < source; s++) {
          sum += weights[b * source + s];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        for (int f = 0; f < width; f++) {
          double expected = 0;
          for (int s = 0; s < source; s++) {
            expected += weights[b * source + s] * values[(b * source + s) * width + f];
          }
          assertThat((double) context[b * width + f]).isCloseTo(expected, within(1e-5));
        }
      }
      assertThat(weights[source + 2]).isZero();
      assertThat(weights[source + 3]).isZero();
    }
  }

  @ParameterizedTest
  @CsvSource({"luong"})
  void unknownTypesAreNamed(String type) {
    assertThatThrownBy(() -> Attention.create(type, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown attention 'luong'; expected bahdanau, luong_dot or luong_general");
  }
}
