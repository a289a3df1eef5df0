package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Picks rows (axis 0) of an array by index, as a product with a one-hot matrix: exact in float32,
 * engine-neutral (no gather, which MXNet lacks) and cheap at search sizes.
 *
 * <pre>{@code
 * NDArray repeated = Rows.select(memory, new int[] {0, 0, 1, 1});   // each sentence twice
 * }</pre>
 */
public final class Rows {
  private Rows() {}

  public static NDArray select(NDArray array, int[] rows) {
    long inputRows = array.getShape().get(0);
    float[] oneHot = new float[rows.length * (int) inputRows];
    for (int i = 0; i < rows.length; i++) {
      oneHot[i * (int) inputRows + rows[i]] = 1f;
    }
    NDArray selector = array.getManager().create(oneHot, new Shape(rows.length, inputRows)).toDevice(array.getDevice(), false);
    Shape shape = array.getShape();
    NDArray flat = array.reshape(inputRows, shape.size() / Math.max(1, inputRows));
    long[] outShape = shape.getShape().clone();
    outShape[0] = rows.length;
    return selector.matMul(flat.toType(selector.getDataType(), false)).reshape(new Shape(outShape))
        .toType(array.getDataType(), false);
  }
}
