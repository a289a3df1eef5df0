package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Picks rows (axis 0) of an array by index, with repeats, as an indexed read that both engines run
 * (no {@code gather}, which MXNet lacks): exact, and linear in the rows picked.
 *
 * <pre>{@code
 * NDArray repeated = Rows.select(memory, new int[] {0, 0, 1, 1});   // each sentence twice
 * }</pre>
 */
public final class Rows {
  private Rows() {}

  public static NDArray select(NDArray array, int[] rows) {
    long[] indices = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      indices[i] = rows[i];
    }
    NDArray index = array.getManager().create(indices).toDevice(array.getDevice(), false);
    return array.get(new NDIndex("{}", index));
  }
}
