package io.seqpipe.seq2seq.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.Ids;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The picked form of the smoothed cross-entropy equals the textbook one, value and gradient, on both engines. */
class SequenceLossTest {
  private static final int B = 3;
  private static final int T = 4;
  private static final int V = 7;

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void equalsTheOneHotFormulaWithItsGradient(EngineChoice engine) {
    Random random = new Random(3);
    float[] logits = new float[B * T * V];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) random.nextGaussian() * 2;
    }
    int[] targets = new int[B * T];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = random.nextInt(V);
    }
    float[] mask = {1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
    for (double smoothing : new double[] {0.0, 0.1}) {
      float[][] picked = lossAndGradient(engine, logits, targets, mask, smoothing, false);
      float[][] oneHot = lossAndGradient(engine, logits, targets, mask, smoothing, true);
      assertThat(picked[0][0]).as("loss, smoothing %s", smoothing).isCloseTo(oneHot[0][0], within(1e-5f));
      assertThat(picked[0][0]).isGreaterThan(0.5f);
      for (int i = 0; i < logits.length; i++) {
        assertThat(picked[1][i]).as("gradient %d", i).isCloseTo(oneHot[1][i], within(1e-6f));
      }
      assertThat(picked[1][(1 * T + 2) * V]).as("padding gets no gradient").isZero();
    }
  }

  private static float[][] lossAndGradient(EngineChoice engine, float[] values, int[] ids, float[] maskValues,
      double smoothing, boolean reference) {
    try (NDManager manager = NDManager.newBaseManager(engine.djlName())) {
      NDArray logits = manager.create(values, new Shape(B, T, V));
      logits.setRequiresGradient(true);
      NDArray targets = manager.create(ids, new Shape(B, T));
      NDArray mask = manager.create(maskValues, new Shape(B, T));
      NDArray loss;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        loss = reference ? oneHot(logits, targets, mask, smoothing)
            : SequenceLoss.crossEntropy(logits, targets, mask, smoothing);
        collector.backward(loss);
      }
      return new float[][] {{loss.getFloat()}, logits.getGradient().toFloatArray()};
    }
  }

  /** The textbook form: the log-softmax times the smoothed one-hot target distribution. */
  private static NDArray oneHot(NDArray logits, NDArray targets, NDArray mask, double smoothing) {
    NDArray target = Ids.forEngine(targets).oneHot(V).toType(logits.getDataType(), false)
        .mul((float) (1 - smoothing)).add((float) (smoothing / V));
    return logits.logSoftmax(2).mul(target).sum(new int[] {2}).neg().mul(mask).sum().div(mask.sum());
  }
}
