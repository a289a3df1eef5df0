package io.seqpipe.seq2seq.train;

import ai.djl.ndarray.NDArray;
import io.seqpipe.models.nn.Ids;

/**
 * Cross-entropy of a decoder's logits against the target tokens, over real tokens only, with optional
 * label smoothing (the smoothed mass spread over the whole vocabulary). Written with a one-hot product,
 * which both engines run.
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
    NDArray oneHot = Ids.forEngine(targets).oneHot((int) vocabulary).toType(logits.getDataType(), false);
    NDArray target = smoothing > 0 ? oneHot.mul((float) (1 - smoothing)).add((float) (smoothing / vocabulary)) : oneHot;
    NDArray perToken = logits.logSoftmax(2).mul(target).sum(new int[] {2}).neg();
    return perToken.mul(mask).sum().div(mask.sum());
  }
}
