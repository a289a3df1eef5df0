package io.seqpipe.grammar.spec;

/**
 * Training: optimizer, clipping, schedule, length, batching, early stopping, checkpoint averaging,
 * reproducibility and where it runs.
 *
 * @param optimizer a {@link io.seqpipe.grammar.catalog.Family#OPTIMIZER} with its parameters ({@code lr}, ...)
 * @param clip gradient-norm clipping threshold (0 = off)
 * @param schedule a {@link io.seqpipe.grammar.catalog.Family#SCHEDULE} with its parameters
 * @param batchSize sentences per batch
 * @param batchTokens padded tokens per batch instead of a sentence count (0 = use batchSize)
 * @param labelSmoothing label smoothing of the cross-entropy (0 = off)
 * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param engine {@code mxnet} or {@code pytorch}
 * @param averageLast the saved model is the mean of the last this many epochs' checkpoints ({@code
 *     average_last N}, N >= 1); 0 when absent: the best checkpoint
 */
public record TrainSpec(ComponentSpec optimizer, double clip, ComponentSpec schedule, int epochs, int batchSize,
    int batchTokens, EarlyStopSpec earlyStop, double labelSmoothing, long seed, String device, String engine,
    int averageLast) {

  /**
   * @param metric the dev metric watched ({@code loss} or an evaluation metric)
   * @param patience epochs without improvement before stopping (0 = never stop early)
   */
  public record EarlyStopSpec(String metric, int patience) {}
}
