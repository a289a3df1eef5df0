package io.seqpipe.seq2seq.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.seqpipe.models.nn.Ids;

/**
 * Cross-entropy of a decoder's logits against the target tokens, over real tokens only, with optional
 * label smoothing (the smoothed mass spread over the whole vocabulary): per token {@code -((1 - s) log
 * p(y) + s / V * sum_v log p(v))}, the expected token's log-probability picked out of the log-softmax
 * rather than multiplied by a one-hot {@code [B, T, V]} array, which would cost three more arrays of
 * that size each step and their gradients.
 *
 * <pre>{@code
 * NDArray loss = SequenceLoss.crossEntropy(logits, targetOut, mask, 0.1);  // mean per real token
 * }</pre>
 */
public final class SequenceLoss {
  private SequenceLoss() {}

  /**
   * @param logits {@code [B, T, V]}
   * @param targets {@code [B, T]} ids of the expected tokens
   * @param mask {@code [B, T]} float, 1 at real target tokens
   * @return the mean loss per real token, a scalar
   */
  public static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray mask, double smoothing) {
    long vocabulary = logits.getShape().get(2);
    NDArray logProbabilities = logits.logSoftmax(2);
    // [B, T, 1] indices: the shape both engines' pick (MXNet's pick, PyTorch's gather) take as they are
    NDArray expected = logProbabilities.get(new NDIndex().addAllDim(2).addPickDim(Ids.forEngine(targets).expandDims(2)))
        .squeeze(2);
    NDArray perToken = smoothing > 0
        ? expected.mul((float) (1 - smoothing)).add(logProbabilities.sum(new int[] {2}).mul((float) (smoothing / vocabulary)))
        : expected;
    return perToken.mul(mask).sum().div(mask.sum()).neg();
  }
}
