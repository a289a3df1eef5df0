package io.seqpipe.models.train;

import java.util.List;

/**
 * Where a training run stands after an epoch: what a checkpoint records besides the parameters, and
 * what a resumed run continues from.
 *
 * @param epoch epochs completed
 * @param step optimizer steps taken
 * @param bestMetric the best dev value so far
 * @param bestEpoch the epoch that reached it
 * @param staleEpochs epochs since the last improvement
 * @param schedule the learning-rate schedule's state
 * @param history one entry per completed epoch
 */
public record TrainingState(int epoch, int step, double bestMetric, int bestEpoch, int staleEpochs,
    LearningRateSchedule.State schedule, List<EpochRecord> history) {

  public TrainingState {
    history = List.copyOf(history);
  }

  /**
   * @param trainLoss mean training loss of the epoch
   * @param devMetric the dev metric after the epoch
   * @param tokensPerSecond training throughput
   */
  public record EpochRecord(int epoch, double trainLoss, double devMetric, double learningRate,
      double tokensPerSecond, double seconds) {}
}
