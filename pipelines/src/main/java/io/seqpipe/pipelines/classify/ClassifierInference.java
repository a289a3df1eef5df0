package io.seqpipe.pipelines.classify;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forward passes of a {@link io.seqpipe.models.nn.TextClassifier} in inference mode, in batches of texts
 * of similar length (results do not depend on the batch: padding is masked). The same code serves the
 * dev metric during training and a loaded model's predictions.
 */
final class ClassifierInference {
  private static final int BATCH = 64;

  /**
   * @param probabilities per text, per label
   * @param attention per text, the attention weight of each token; null without attention pooling
   */
  record Output(float[][] probabilities, float[][] attention) {}

  private ClassifierInference() {}

  static Output run(Block block, NDManager manager, List<int[]> ids) {
    int[] order = IntStream.range(0, ids.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> ids.get(i).length)).mapToInt(Integer::intValue).toArray();
    int[] noLabels = new int[ids.size()];
    float[][] probabilities = new float[ids.size()][];
    float[][] attention = new float[ids.size()][];
    boolean attentive = false;
    for (int start = 0; start < order.length; start += BATCH) {
      int[] indices = Arrays.copyOfRange(order, start, Math.min(order.length, start + BATCH));
      ClassificationBatch batch = ClassificationBatch.of(ids, indices, noLabels, 1);
      try (NDManager scope = manager.newSubManager()) {
        NDList output = block.forward(new ParameterStore(scope, false), batch.inputs(scope), false);
        int classes = (int) output.head().getShape().get(1);
        float[] rows = output.head().softmax(1).toType(DataType.FLOAT32, false).toFloatArray();
        float[] weights = output.size() > 1 ? output.get(1).toType(DataType.FLOAT32, false).toFloatArray() : null;
        int columns = weights == null ? 0 : (int) output.get(1).getShape().get(1);
        for (int row = 0; row < indices.length; row++) {
          probabilities[indices[row]] = Arrays.copyOfRange(rows, row * classes, (row + 1) * classes);
          if (weights != null) {
            attentive = true;
            attention[indices[row]] = Arrays.copyOfRange(weights, row * columns,
                row * columns + ids.get(indices[row]).length);
          }
        }
      }
    }
    return new Output(probabilities, attentive ? attention : null);
  }

  /** The most probable label of each text. */
  static int[] argMax(float[][] probabilities) {
    int[] best = new int[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      for (int c = 1; c < probabilities[i].length; c++) {
        if (probabilities[i][c] > probabilities[i][best[i]]) {
          best[i] = c;
        }
      }
    }
    return best;
  }
}
