package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.seqpipe.models.engine.EngineChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole-token and single-feature dropout on embeddings, on both engines. */
class EmbeddingDropoutTest {
  private static final int BATCH = 8;
  private static final int TIME = 25;
  private static final int FEATURES = 6;

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void wordDropoutDropsWholeTokensAndScalesTheRest(EngineChoice engine) {
    float[] out = apply(engine, new EmbeddingDropout(0, 0.25), true);
    int dropped = 0;
    for (int token = 0; token < BATCH * TIME; token++) {
      float first = out[token * FEATURES];
      assertThat(first).as("token %d: dropped (0) or kept and scaled by 1 / 0.75", token)
          .satisfiesAnyOf(v -> assertThat(v).isZero(), v -> assertThat(v).isCloseTo(1 / 0.75f, within(1e-5f)));
      for (int f = 1; f < FEATURES; f++) {
        assertThat(out[token * FEATURES + f]).as("token %d, feature %d: as the token's first", token, f).isEqualTo(first);
      }
      dropped += first == 0 ? 1 : 0;
    }
    assertThat(dropped).as("tokens dropped of %d at rate 0.25", BATCH * TIME).isBetween(20, 80);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void featureDropoutDropsSingleFeatures(EngineChoice engine) {
    float[] out = apply(engine, new EmbeddingDropout(0.5, 0), true);
    int partlyDropped = 0;
    for (int token = 0; token < BATCH * TIME; token++) {
      int zeros = 0;
      for (int f = 0; f < FEATURES; f++) {
        float value = out[token * FEATURES + f];
        assertThat(value).satisfiesAnyOf(v -> assertThat(v).isZero(), v -> assertThat(v).isCloseTo(2f, within(1e-5f)));
        zeros += value == 0 ? 1 : 0;
      }
      partlyDropped += zeros > 0 && zeros < FEATURES ? 1 : 0;
    }
    assertThat(partlyDropped).as("tokens with some but not all features dropped").isGreaterThan(BATCH * TIME / 2);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void inferenceDropsNothing(EngineChoice engine) {
    assertThat(apply(engine, new EmbeddingDropout(0.5, 0.5), false)).containsOnly(1f);
  }

  @Test
  void ratesOutsideTheUnitIntervalAreRefused() {
    assertThatThrownBy(() -> new EmbeddingDropout(0, 1)).hasMessageContaining("words 1.0");
    assertThatThrownBy(() -> new EmbeddingDropout(-0.1, 0)).hasMessageContaining("features -0.1");
  }

  private static float[] apply(EngineChoice engine, EmbeddingDropout dropout, boolean training) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(3);
      NDArray ones = manager.ones(new Shape(BATCH, TIME, FEATURES));
      if (!training) {
        return dropout.apply(ones, false).toFloatArray();
      }
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) { // MXNet drops out inside one
        return dropout.apply(ones, true).toFloatArray();
      }
    }
  }
}
