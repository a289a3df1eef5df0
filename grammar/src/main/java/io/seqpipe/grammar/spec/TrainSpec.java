package io.seqpipe.grammar.spec;

/**
 * Training: optimizer, clipping, schedule, length, batching, early stopping, reproducibility and where
 * it runs.
 *
 * @param clip gradient-norm clipping threshold (0 = off)
 * @param batchSize sentences per batch
 * @param batchTokens padded tokens per batch instead of a sentence count (0 = use batchSize)
 * @param labelSmoothing label smoothing of the cross-entropy (0 = off)
 * @param classWeights classify: {@code none}, or {@code balanced} to weight each class's loss by
 *     {@code examples / (classes * examples of the class)} as scikit-learn does
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param engine {@code mxnet} or {@code pytorch}
 */
public record TrainSpec(OptimizerSpec optimizer, double clip, ScheduleSpec schedule, int epochs, int batchSize,
    int batchTokens, EarlyStopSpec earlyStop, double labelSmoothing, String classWeights, long seed, String device, String engine) {

  /**
   * @param type {@code adam}, {@code adamw} or {@code sgd}
   * @param momentum SGD's momentum (0 for the others)
   */
  public record OptimizerSpec(String type, double lr, double weightDecay, double momentum) {}

  /**
   * @param type {@code constant}, {@code plateau}, {@code cosine} or {@code warmup_linear}
   * @param factor plateau: multiply the learning rate by this when the dev metric stalls
   * @param patience plateau: epochs without improvement before reducing
   * @param warmup warmup_linear: steps of linear warmup
   * @param minLr plateau and cosine: the lowest learning rate
   */
  public record ScheduleSpec(String type, double factor, int patience, int warmup, double minLr) {}

  /**
   * @param metric the dev metric watched ({@code loss} or an evaluation metric)
   * @param patience epochs without improvement before stopping (0 = never stop early)
   */
  public record EarlyStopSpec(String metric, int patience) {}
}
