package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pooling and masking on both engines: padding, however large its values, never leaks. */
class PoolingTest {
  /** Row 0: 3 real steps; row 1: 1 real step, then padding full of large values. Features: 2 forward, 2 backward. */
  private static final float[] OUTPUTS = {
    1, 2, 3, 4,   5, 6, 7, 8,   9, 10, 11, 12,
    -1, -2, -3, -4,   900, 900, 900, 900,   -900, -900, -900, -900,
  };

  private static NDManager manager(EngineChoice engine) {
    return engine.engine().newBaseManager();
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void poolsOnlyRealTokens(EngineChoice engine) {
    try (NDManager manager = manager(engine)) {
      NDArray outputs = manager.create(OUTPUTS, new Shape(2, 3, 4));
      NDArray mask = Masks.fromLengths(manager, new int[] {3, 1}, 3);
      assertThat(mask.toFloatArray()).containsExactly(1, 1, 1, 1, 0, 0);
      assertThat(Pooling.MEAN.pool(outputs, mask, true).toFloatArray())
          .containsExactly(new float[] {5, 6, 7, 8, -1, -2, -3, -4}, within(1e-5f));
      assertThat(Pooling.MAX.pool(outputs, mask, true).toFloatArray())
          .containsExactly(new float[] {9, 10, 11, 12, -1, -2, -3, -4}, within(1e-5f));
      // forward half at the last real step, backward half at the first step
      assertThat(Pooling.LAST.pool(outputs, mask, true).toFloatArray())
          .containsExactly(new float[] {9, 10, 3, 4, -1, -2, -3, -4}, within(1e-5f));
      assertThat(Pooling.LAST.pool(outputs, mask, false).toFloatArray())
          .containsExactly(new float[] {9, 10, 11, 12, -1, -2, -3, -4}, within(1e-5f));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aSentenceAloneAndInABatchPoolTheSame(EngineChoice engine) {
    try (NDManager manager = manager(engine)) {
      NDArray batch = manager.create(OUTPUTS, new Shape(2, 3, 4));
      NDArray batchMask = Masks.fromLengths(manager, new int[] {3, 1}, 3);
      NDArray alone = manager.create(new float[] {-1, -2, -3, -4}, new Shape(1, 1, 4));
      NDArray aloneMask = Masks.fromLengths(manager, new int[] {1}, 1);
      for (Pooling pooling : Pooling.values()) {
        float[] inBatch = pool(pooling, batch, batchMask);
        float[] single = pool(pooling, alone, aloneMask);
        assertThat(Arrays.copyOfRange(inBatch, 4, 8)).as(pooling.id()).containsExactly(single, within(1e-6f));
      }
    }
  }

  private static float[] pool(Pooling pooling, NDArray outputs, NDArray mask) {
    return pooling.pool(outputs, mask, true).toFloatArray();
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void maskedSoftmaxGivesPaddingNoWeight(EngineChoice engine) {
    try (NDManager manager = manager(engine)) {
      NDArray scores = manager.create(new float[] {1, 2, 3, 50, 60, 70}, new Shape(2, 3));
      NDArray weights = Masks.softmax(scores, Masks.fromLengths(manager, new int[] {3, 1}, 3));
      float[] w = weights.toFloatArray();
      double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
      assertThat(w).containsExactly(new float[] {(float) (Math.exp(1) / e), (float) (Math.exp(2) / e),
          (float) (Math.exp(3) / e), 1, 0, 0}, within(1e-6f));
    }
  }
}
