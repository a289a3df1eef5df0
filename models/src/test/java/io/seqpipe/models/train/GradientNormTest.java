package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import io.seqpipe.models.engine.EngineChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The global gradient norm, and clipping it inside the optimizer's update, on both engines. */
class GradientNormTest {
  @Test
  void clipScaleBringsTheNormDownToTheMaximumAndNoFurther() {
    assertThat(GradientNorm.clipScale(4.0, 1f)).isEqualTo(0.25f);
    assertThat(GradientNorm.clipScale(0.5, 1f)).isEqualTo(1f);
    assertThat(GradientNorm.clipScale(4.0, 0f)).isEqualTo(1f);          // no clipping
    assertThat(GradientNorm.clipScale(Double.NaN, 1f)).isEqualTo(1f);   // the loop stops on it instead
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void normIsTheL2NormOfAllGradientsTogetherAndTheScaledStepIsAStepOnScaledGradients(EngineChoice engine) {
    float[] x = {1, -2, 3, 0.5f, 2, 1};
    // Plain SGD (lr 1, no decay): the step is the gradient times the scale, so the weights show it exactly.
    float[][] full = step(engine, x, 1f);
    float[][] half = step(engine, x, 0.5f);
    double squares = 0;
    for (int p = 0; p < full[0].length; p++) {
      float gradient = full[0][p] - full[1][p];   // initial minus updated weight
      assertThat(half[0][p] - half[1][p]).as("parameter element %d", p).isCloseTo(gradient / 2, within(1e-5f));
      squares += gradient * gradient;
    }
    assertThat(full[2][0]).isCloseTo((float) Math.sqrt(squares), within(1e-4f));
  }

  /** One SGD step of a linear layer on {@code x} with the gradients scaled: weights before, after, and the norm. */
  private static float[][] step(EngineChoice engine, float[] x, float scale) {
    try (Model model = Model.newInstance("tiny", engine.djlName())) {
      model.getNDManager().getEngine().setRandomSeed(5);
      model.setBlock(Linear.builder().setUnits(2).build());
      SgdOptimizer sgd = new SgdOptimizer(Tracker.fixed(1f), 0f, 0f);
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd))) {
        trainer.initialize(new Shape(2, 3));
        float[] before = weights(model);
        double norm;
        try (NDManager scope = trainer.getManager().newSubManager()) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray input = scope.create(x, new Shape(2, 3));
            NDArray target = scope.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            collector.backward(Loss.l2Loss().evaluate(new NDList(target), trainer.forward(new NDList(input))));
          }
          norm = GradientNorm.of(model.getBlock().getParameters().values().stream()
              .map(parameter -> parameter.getArray().getGradient()).toList());
          sgd.scaleGradients(scale);
          trainer.step();
        }
        return new float[][] {before, weights(model), {(float) norm}};
      }
    }
  }

  private static float[] weights(Model model) {
    return model.getBlock().getParameters().values().stream().map(Parameter::getArray)
        .map(NDArray::toFloatArray).reduce(new float[0], GradientNormTest::concat);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
