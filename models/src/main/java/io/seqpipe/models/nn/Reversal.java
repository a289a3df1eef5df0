package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Reverses each sequence of a padded batch within its own length, leaving padding where it was: {@code
 * [a b c _ _]} becomes {@code [c b a _ _]}. Applied as a batched permutation matrix product, which every
 * engine has (no gather, no per-row indexing); applying it twice gives the batch back.
 *
 * <pre>{@code
 * Reversal reversal = Reversal.of(manager, new int[] {3, 5}, 5);
 * NDArray backward = reversal.apply(inputs);   // [batch, time, features]
 * }</pre>
 */
public final class Reversal {
  private final NDArray permutation;

  private Reversal(NDArray permutation) {
    this.permutation = permutation;
  }

  /** The reversal of sequences with these lengths, padded to {@code time}. */
  public static Reversal of(NDManager manager, int[] lengths, int time) {
    float[] values = new float[lengths.length * time * time];
    for (int row = 0; row < lengths.length; row++) {
      for (int t = 0; t < time; t++) {
        int source = t < lengths[row] ? lengths[row] - 1 - t : t;
        values[(row * time + t) * time + source] = 1f;
      }
    }
    return new Reversal(manager.create(values, new Shape(lengths.length, time, time)));
  }

  /** {@code sequences [batch, time, features]} with each row reversed within its length. */
  public NDArray apply(NDArray sequences) {
    return permutation.matMul(sequences);
  }
}
