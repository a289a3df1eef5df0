package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * One time step of an LSTM or GRU cell written with matrix products, as PyTorch and cuDNN define them
 * (LSTM gates i, f, g, o; GRU gates r, z, n with the hidden bias of n inside the reset product). The
 * reference the engines' fused kernels are checked against; {@link #fused} is the same step through them.
 *
 * <pre>{@code
 * NDList next = RecurrentStep.lstm(x, h, c, wIh, wHh, bIh, bHh);   // (h', c')
 * NDList same = RecurrentStep.fused(CellType.LSTM, x, h, c, new NDList(wIh, wHh, bIh, bHh), false);
 * }</pre>
 */
public final class RecurrentStep {
  private RecurrentStep() {}

  /**
   * @param x input {@code [batch, in]}
   * @param h hidden state {@code [batch, hidden]}
   * @param c cell state {@code [batch, hidden]}
   * @param wIh {@code [4 hidden, in]}; wHh {@code [4 hidden, hidden]}; biases {@code [4 hidden]}
   * @return the next (h, c)
   */
  public static NDList lstm(NDArray x, NDArray h, NDArray c, NDArray wIh, NDArray wHh, NDArray bIh, NDArray bHh) {
    long hidden = h.getShape().get(1);
    NDArray gates = x.matMul(transposed(wIh, x)).add(bIh).add(h.matMul(transposed(wHh, x))).add(bHh);
    NDArray i = Activation.sigmoid(gates.get(new NDIndex(":, 0:{}", hidden)));
    NDArray f = Activation.sigmoid(gates.get(new NDIndex(":, {}:{}", hidden, 2 * hidden)));
    NDArray g = gates.get(new NDIndex(":, {}:{}", 2 * hidden, 3 * hidden)).tanh();
    NDArray o = Activation.sigmoid(gates.get(new NDIndex(":, {}:", 3 * hidden)));
    NDArray nextC = f.mul(c).add(i.mul(g));
    return new NDList(o.mul(nextC.tanh()), nextC);
  }

  /** A GRU step; shapes as for {@link #lstm} with 3 gates. Returns the next h. */
  public static NDArray gru(NDArray x, NDArray h, NDArray wIh, NDArray wHh, NDArray bIh, NDArray bHh) {
    long hidden = h.getShape().get(1);
    NDArray inputPart = x.matMul(transposed(wIh, x)).add(bIh);
    NDArray hiddenPart = h.matMul(transposed(wHh, x)).add(bHh);
    NDArray r = Activation.sigmoid(gate(inputPart, hiddenPart, 0, hidden));
    NDArray z = Activation.sigmoid(gate(inputPart, hiddenPart, 1, hidden));
    NDArray n = inputPart.get(new NDIndex(":, {}:", 2 * hidden))
        .add(r.mul(hiddenPart.get(new NDIndex(":, {}:", 2 * hidden)))).tanh();
    return z.neg().add(1f).mul(n).add(z.mul(h));
  }

  /**
   * The same step through the engine's fused recurrent kernel, as a sequence of length 1: one native call
   * instead of a dozen small ones.
   *
   * @param weights {@code w_ih, w_hh, b_ih, b_hh} as for {@link #lstm}
   * @param c the cell state for LSTM; ignored for GRU
   * @return the next (h, c) for LSTM, (h) for GRU
   */
  public static NDList fused(CellType cell, NDArray x, NDArray h, NDArray c, NDList weights, boolean training) {
    NDArrayEx ex = x.getNDArrayInternal();
    NDArray sequence = x.expandDims(0);   // [1, batch, in]: time first, so neither engine transposes
    if (cell == CellType.LSTM) {
      NDList out = ex.lstm(sequence, new NDList(h.expandDims(0), c.expandDims(0)), weights, true, 1, 0, training, false,
          false);
      return new NDList(out.get(1).squeeze(0), out.get(2).squeeze(0));
    }
    NDList out = ex.gru(sequence, h.expandDims(0), weights, true, 1, 0, training, false, false);
    return new NDList(out.get(1).squeeze(0));
  }

  /**
   * {@code weight} transposed, owned by the manager of {@code step}: a transpose would otherwise belong to
   * the parameter's manager and live as long as the model, one copy per step.
   */
  public static NDArray transposed(NDArray weight, NDArray step) {
    NDArray transposed = weight.transpose();
    transposed.attach(step.getManager());
    return transposed;
  }

  private static NDArray gate(NDArray inputPart, NDArray hiddenPart, int index, long hidden) {
    NDIndex slice = new NDIndex(":, {}:{}", index * hidden, (index + 1) * hidden);
    return inputPart.get(slice).add(hiddenPart.get(slice));
  }
}
