package io.seqpipe.pipelines.classify;

import io.seqpipe.models.train.ClassificationLoss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

  @Test
  void balancedMatchesScikitLearn() {
    // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0,1,2], y=[0,0,0,0,1,1,2,2,2,2,2,2])
    float[] weights = ClassWeights.of("balanced", new int[] {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2}, 3);
    assertThat(weights[0]).isCloseTo(1.0f, within(1e-6f));
    assertThat(weights[1]).isCloseTo(2.0f, within(1e-6f));
    assertThat(weights[2]).isCloseTo(0.6666667f, within(1e-6f));
    assertThat(ClassWeights.of("none", new int[] {0, 1, 1}, 2)).containsExactly(1f, 1f);
  }

  @Test
  void weightedCrossEntropyIsTheWeightedMeanOfPerExampleLosses() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] logits = {2f, 0f, 0f, 1f};
      float[] oneHot = {1f, 0f, 0f, 1f};
      var loss = ClassificationLoss.crossEntropy(manager.create(logits, new Shape(2, 2)),
          manager.create(oneHot, new Shape(2, 2)), new float[] {1f, 3f}, 0.0).getFloat();
      double first = -Math.log(Math.exp(2) / (Math.exp(2) + 1));
      double second = -Math.log(Math.exp(1) / (Math.exp(1) + 1));
      assertThat((double) loss).isCloseTo((first * 1 + second * 3) / 4, within(1e-5));
    }
  }
}
