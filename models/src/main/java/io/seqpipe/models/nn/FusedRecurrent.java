package io.seqpipe.models.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stacked, optionally bidirectional LSTM or GRU run by the engine's fused kernel, with parameters
 * that mean what their names say: {@code layer0.forward.w_ih} is layer 0's forward input weight {@code
 * [gates * hidden, in]}, gates in PyTorch's order (LSTM i, f, g, o; GRU r, z, n).
 *
 * <p>Each engine gets the parameters in the layout it expects: PyTorch's {@code _lstm} per layer and
 * direction {@code w_ih, w_hh, b_ih, b_hh}; MXNet's packed RNN all weights first, then all biases. DJL's
 * stock {@code LSTM} block does neither, which breaks bidirectional PyTorch and the meaning of MXNet's
 * weights beyond one layer.
 *
 * <p>Input {@code [batch, time, features]}, optionally followed by initial states {@code [layers *
 * directions, batch, hidden]} (h, and c for an LSTM; zeros when absent). Output: {@code [batch, time,
 * directions * hidden]} and the final states, in the same layout.
 *
 * <pre>{@code
 * FusedRecurrent encoder = new FusedRecurrent(CellType.LSTM, 256, 2, true, 0.3);
 * encoder.initialize(manager, DataType.FLOAT32, new Shape(32, 40, 100));
 * NDList out = encoder.forward(parameterStore, new NDList(embedded), training);  // (outputs, h, c)
 * // two one-layer blocks as the directions of one bidirectional layer, in one call of the kernel
 * NDList both = forward.forwardBidirectional(backward, parameterStore, embedded, training);
 * }</pre>
 */
public final class FusedRecurrent extends AbstractBlock {
  private static final byte VERSION = 1;
  private static final String[] NAMES = {"w_ih", "w_hh", "b_ih", "b_hh"};

  private final CellType cell;
  private final int hidden;
  private final int layers;
  private final boolean bidirectional;
  private final double dropout;
  /** Per layer, per direction: w_ih, w_hh, b_ih, b_hh. */
  private final List<Parameter> ordered = new ArrayList<>();

  public FusedRecurrent(CellType cell, int hidden, int layers, boolean bidirectional, double dropout) {
    super(VERSION);
    this.cell = cell;
    this.hidden = hidden;
    this.layers = layers;
    this.bidirectional = bidirectional;
    this.dropout = dropout;
    UniformInitializer initializer = new UniformInitializer((float) (1 / Math.sqrt(hidden)));
    for (int layer = 0; layer < layers; layer++) {
      for (int direction = 0; direction < directions(); direction++) {
        for (String name : NAMES) {
          ordered.add(addParameter(Parameter.builder()
              .setName("layer" + layer + "." + (direction == 0 ? "forward" : "backward") + "." + name)
              .setType(name.startsWith("w") ? Parameter.Type.WEIGHT : Parameter.Type.BIAS)
              .optInitializer(initializer)
              .build()));
        }
      }
    }
  }

  public int directions() {
    return bidirectional ? 2 : 1;
  }

  public CellType cell() {
    return cell;
  }

  public int hidden() {
    return hidden;
  }

  public int layers() {
    return layers;
  }

  public boolean bidirectional() {
    return bidirectional;
  }

  /** The parameter of a layer and direction (0 forward, 1 backward): {@code w_ih}, {@code w_hh}, {@code b_ih}, {@code b_hh}. */
  public Parameter parameter(int layer, int direction, String name) {
    int index = Arrays.asList(NAMES).indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown parameter '" + name + "'; expected one of w_ih, w_hh, b_ih, b_hh");
    }
    return ordered.get((layer * directions() + direction) * NAMES.length + index);
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long features = inputShapes[0].get(2);
    long rows = (long) cell.gates() * hidden;
    for (int layer = 0; layer < layers; layer++) {
      long in = layer == 0 ? features : (long) hidden * directions();
      for (int direction = 0; direction < directions(); direction++) {
        parameter(layer, direction, "w_ih").setShape(new Shape(rows, in));
        parameter(layer, direction, "w_hh").setShape(new Shape(rows, hidden));
        parameter(layer, direction, "b_ih").setShape(new Shape(rows));
        parameter(layer, direction, "b_hh").setShape(new Shape(rows));
      }
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    Shape output = new Shape(input.get(0), input.get(1), (long) hidden * directions());
    Shape state = new Shape((long) layers * directions(), input.get(0), hidden);
    return cell == CellType.LSTM ? new Shape[] {output, state, state} : new Shape[] {output, state};
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return run(store, inputs, ordered, bidirectional, training);
  }

  /**
   * Runs this one-layer block as the forward direction and {@code backward}, a block like it, as the
   * backward direction of one bidirectional layer, in a single call of the engine's kernel: the same
   * outputs as running each on its own (the backward one over the reversed input), in one operation.
   * Input {@code [batch, time, features]}; output {@code [batch, time, 2 * hidden]} (forward, then
   * backward) and the final states {@code [2, batch, hidden]}.
   */
  public NDList forwardBidirectional(FusedRecurrent backward, ParameterStore store, NDArray x, boolean training) {
    if (layers != 1 || bidirectional || backward.layers != 1 || backward.bidirectional || backward.cell != cell
        || backward.hidden != hidden) {
      throw new IllegalArgumentException("two one-layer unidirectional blocks of one cell and size expected");
    }
    List<Parameter> both = new ArrayList<>(ordered);
    both.addAll(backward.ordered);
    return run(store, new NDList(x), both, true, training);
  }

  /** The engine's fused kernel over {@code parameters}: per layer, per direction, w_ih, w_hh, b_ih, b_hh. */
  private NDList run(ParameterStore store, NDList inputs, List<Parameter> parameters, boolean twoWay,
      boolean training) {
    NDArray x = inputs.head();
    Device device = x.getDevice();
    NDManager manager = x.getManager();
    Shape stateShape = new Shape((long) layers * (twoWay ? 2 : 1), x.getShape().get(0), hidden);
    NDArray h0 = inputs.size() > 1 ? inputs.get(1) : manager.zeros(stateShape, DataType.FLOAT32, device);
    NDList weights = engineLayout(parameters, store, device, training, manager.getEngine().getEngineName());
    NDArrayEx ex = x.getNDArrayInternal();
    if (cell == CellType.LSTM) {
      NDArray c0 = inputs.size() > 2 ? inputs.get(2) : manager.zeros(stateShape, DataType.FLOAT32, device);
      return ex.lstm(x, new NDList(h0, c0), weights, true, layers, dropout, training, twoWay, true);
    }
    return ex.gru(x, h0, weights, true, layers, dropout, training, twoWay, true);
  }

  /** The parameters in the order the engine's fused kernel reads them. */
  private static NDList engineLayout(List<Parameter> parameters, ParameterStore store, Device device,
      boolean training, String engine) {
    NDList weights = new NDList();
    if (engine.equals("MXNet")) {
      for (Parameter parameter : parameters) {
        if (parameter.getType() == Parameter.Type.WEIGHT) {
          weights.add(store.getValue(parameter, device, training));
        }
      }
      for (Parameter parameter : parameters) {
        if (parameter.getType() == Parameter.Type.BIAS) {
          weights.add(store.getValue(parameter, device, training));
        }
      }
    } else {
      for (Parameter parameter : parameters) {
        weights.add(store.getValue(parameter, device, training));
      }
    }
    return weights;
  }
}
