package io.seqpipe.seq2seq.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.EmbeddingDropout;
import io.seqpipe.models.nn.RecurrentStep;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.seq2seq.attention.Attention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A stacked LSTM or GRU decoder with attention over the encoder's outputs (Luong et al. 2015): each step
 * embeds the previous target token (with the previous attentional vector when input feeding), runs the
 * LSTM layers, attends with the top layer's state, combines state and context into the attentional
 * vector {@code tanh(W_c [h; context])} and projects it to the target vocabulary (optionally through the
 * target embeddings, tied). While training, dropout applies to the target embeddings ({@code
 * inputDropout}: single features and whole tokens), between layers and to the attentional vector before
 * the projection ({@code dropout}).
 * The initial state comes from the encoder's final states through a bridge layer, {@code tanh(W_b
 * [forward; backward])}, for every layer's h (and LSTM c).
 *
 * <p>{@link #forward} decodes a whole target prefix with teacher forcing; {@link #start} and {@link
 * #step} serve search, one token per sentence at a time.
 *
 * <pre>{@code
 * AttentionDecoder decoder = new AttentionDecoder(CellType.LSTM, TokenEmbedding.learned(vocab, 256), 512, 1,
 *     Attention.create("luong_general", 512), true, false, 0.3, new EmbeddingDropout(0.2, 0.1), vocab);
 * NDList out = decoder.forward(store, new NDList(memory, sourceMask, encoderFinal, targetIn), training);
 * }</pre>
 */
public final class AttentionDecoder extends AbstractBlock {
  private static final byte VERSION = 1;

  private final CellType cell;
  private final TokenEmbedding embedding;
  private final int hidden;
  private final int layers;
  private final Attention attention;
  private final boolean inputFeeding;
  private final boolean tied;
  private final float dropout;
  private final EmbeddingDropout inputDropout;
  private final int vocabularySize;
  private final Linear bridge;
  private final Linear combine;
  private final Linear output;
  private final List<Parameter[]> cells = new ArrayList<>();

  /**
   * @param tied project through the target embeddings (needs {@code hidden == embedding dimension})
   * @param dropout dropout between layers and on the attentional vector, while training
   * @param inputDropout dropout on the target embeddings, while training
   */
  public AttentionDecoder(CellType cell, TokenEmbedding embedding, int hidden, int layers, Attention attention, boolean inputFeeding,
      boolean tied, double dropout, EmbeddingDropout inputDropout, int vocabularySize) {
    super(VERSION);
    if (tied && hidden != embedding.dimension()) {
      throw new IllegalArgumentException("tied embeddings need the decoder's hidden size (" + hidden
          + ") to equal the target embedding dimension (" + embedding.dimension() + ")");
    }
    this.cell = cell;
    this.embedding = addChildBlock("embedding", embedding);
    this.hidden = hidden;
    this.layers = layers;
    this.attention = addChildBlock("attention", attention);
    this.inputFeeding = inputFeeding;
    this.tied = tied;
    this.dropout = (float) dropout;
    this.inputDropout = inputDropout;
    this.vocabularySize = vocabularySize;
    this.bridge = addChildBlock("bridge", Linear.builder().setUnits(hidden).build());
    this.combine = addChildBlock("combine", Linear.builder().setUnits(hidden).optBias(false).build());
    this.output = tied ? null : addChildBlock("output", Linear.builder().setUnits(vocabularySize).build());
    UniformInitializer uniform = new UniformInitializer((float) (1 / Math.sqrt(hidden)));
    for (int layer = 0; layer < layers; layer++) {
      long input = layer == 0 ? embedding.dimension() + (inputFeeding ? hidden : 0) : hidden;
      long gates = (long) cell.gates() * hidden;
      Parameter[] weights = new Parameter[4];
      String prefix = "layer" + layer + ".";
      weights[0] = parameter(prefix + "w_ih", Parameter.Type.WEIGHT, new Shape(gates, input), uniform);
      weights[1] = parameter(prefix + "w_hh", Parameter.Type.WEIGHT, new Shape(gates, hidden), uniform);
      weights[2] = parameter(prefix + "b_ih", Parameter.Type.BIAS, new Shape(gates), uniform);
      weights[3] = parameter(prefix + "b_hh", Parameter.Type.BIAS, new Shape(gates), uniform);
      cells.add(weights);
    }
  }

  private Parameter parameter(String name, Parameter.Type type, Shape shape, UniformInitializer initializer) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(initializer)
        .build());
  }

  /** Inputs: memory {@code [B, S, M]}, source mask {@code [B, S]}, encoder final {@code [B, F]}, target ids {@code [B, T]}. */
  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape memory = inputShapes[0];
    long batch = memory.get(0);
    embedding.initialize(manager, dataType, inputShapes[3]);
    attention.initialize(manager, dataType, memory, new Shape(batch, hidden));
    bridge.initialize(manager, dataType, inputShapes[2]);
    combine.initialize(manager, dataType, new Shape(batch, hidden + memory.get(2)));
    if (output != null) {
      output.initialize(manager, dataType, new Shape(batch, hidden));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape target = inputShapes[3];
    return new Shape[] {new Shape(target.get(0), target.get(1), vocabularySize),
        new Shape(target.get(0), target.get(1), inputShapes[0].get(1))};
  }

  /** Teacher forcing. Outputs: logits {@code [B, T, V]} and attention weights {@code [B, T, S]}. */
  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    Memory source = memory(store, inputs.get(0), inputs.get(1), training);
    return decode(store, new Seq2SeqModel.Encoded(source, start(store, inputs.get(2), training)), inputs.get(3), training);
  }

  /** Teacher forcing from an encoded source: logits {@code [B, T, V]} and attention {@code [B, T, S]}. */
  public NDList decode(ParameterStore store, Seq2SeqModel.Encoded encoded, NDArray targets, boolean training) {
    Memory source = encoded.memory();
    State state = encoded.state();
    NDArray embedded = inputDropout.apply(embedding.forward(store, new NDList(targets), training).head(), training);
    long time = targets.getShape().get(1);
    NDList combined = new NDList();
    NDList weights = new NDList();
    for (int t = 0; t < time; t++) {
      Attended step = attendEmbedded(store, embedded.get(":, {}, :", t), state, source, training);
      combined.add(step.state().feed().expandDims(1));
      weights.add(step.attention().expandDims(1));
      state = step.state();
    }
    return new NDList(project(store, NDArrays.concat(combined, 1), training), NDArrays.concat(weights, 1));
  }

  /** The memory a sentence's steps attend to, with its keys computed once. */
  public record Memory(NDArray values, NDArray keys, NDArray mask) {
    /** The rows {@code rows} (e.g. each sentence repeated per beam), through the given row selector. */
    public Memory select(RowSelector selector) {
      return new Memory(selector.apply(values), selector.apply(keys), selector.apply(mask));
    }

    /** The arrays, each once (a dot-product attention's keys are the values), to attach or free them together. */
    public NDList arrays() {
      return distinct(new NDList(values, keys, mask));
    }
  }

  /** Picks rows (axis 0) of an array; search uses it to follow its beams. */
  @FunctionalInterface
  public interface RowSelector {
    NDArray apply(NDArray array);
  }

  /** The decoder state between steps: per layer h and c (a GRU's c is unused), and the last attentional vector. */
  public record State(NDList h, NDList c, NDArray feed) {
    public State select(RowSelector selector) {
      NDList nextH = new NDList();
      NDList nextC = new NDList();
      h.forEach(a -> nextH.add(selector.apply(a)));
      c.forEach(a -> nextC.add(selector.apply(a)));
      return new State(nextH, nextC, selector.apply(feed));
    }

    /** The arrays, each once (layers may start from one state), to attach or free them together. */
    public NDList arrays() {
      NDList all = new NDList(h);
      all.addAll(c);
      all.add(feed);
      return distinct(all);
    }
  }

  private static NDList distinct(NDList arrays) {
    Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    NDList distinct = new NDList();
    arrays.stream().filter(seen::add).forEach(distinct::add);
    return distinct;
  }

  /** One step's result: logits {@code [B, V]}, attention {@code [B, S]} and the next state. */
  public record Step(NDArray logits, NDArray attention, State state) {}

  public Memory memory(ParameterStore store, NDArray memory, NDArray mask, boolean training) {
    return new Memory(memory, attention.keys(store, memory, training), mask);
  }

  /** The initial state from the encoder's final states {@code [B, F]}. */
  public State start(ParameterStore store, NDArray encoderFinal, boolean training) {
    NDArray initial = bridge.forward(store, new NDList(encoderFinal), training).head().tanh();
    NDList h = new NDList();
    NDList c = new NDList();
    for (int layer = 0; layer < layers; layer++) {
      h.add(initial);
      c.add(initial);
    }
    return new State(h, c, initial.zerosLike());
  }

  /** A step from the previous tokens' ids {@code [B]}. */
  public Step step(ParameterStore store, NDArray previous, State state, Memory memory, boolean training) {
    NDArray embedded = embedding.forward(store, new NDList(previous.expandDims(1)), training).head().squeeze(1);
    Attended attended = attendEmbedded(store, embedded, state, memory, training);
    return new Step(project(store, attended.state().feed(), training), attended.attention(), attended.state());
  }

  /** A step up to the attentional vector (the next state's {@code feed}), before the output projection. */
  private record Attended(NDArray attention, State state) {}

  private Attended attendEmbedded(ParameterStore store, NDArray embedded, State state, Memory memory, boolean training) {
    NDArray input = inputFeeding ? NDArrays.concat(new NDList(embedded, state.feed()), 1) : embedded;
    NDList h = new NDList();
    NDList c = new NDList();
    for (int layer = 0; layer < layers; layer++) {
      if (layer > 0 && training && dropout > 0) {
        input = Dropout.dropout(input, dropout, true).head();
      }
      Parameter[] weights = cells.get(layer);
      Device device = input.getDevice();
      NDList cellWeights = new NDList(4);
      for (Parameter weight : weights) {
        cellWeights.add(store.getValue(weight, device, training));
      }
      NDList next = RecurrentStep.fused(cell, input, state.h().get(layer), state.c().get(layer), cellWeights, training);
      h.add(next.get(0));
      c.add(cell == CellType.LSTM ? next.get(1) : state.c().get(layer));
      input = h.get(layer);
    }
    NDList attended = attention.attend(store, input, memory.keys(), memory.values(), memory.mask(), training);
    NDArray combined = combine.forward(store, new NDList(NDArrays.concat(new NDList(input, attended.get(0)), 1)),
        training).head().tanh();
    return new Attended(attended.get(1), new State(h, c, combined));
  }

  /**
   * Logits from attentional vectors {@code [..., hidden]}: teacher forcing projects all steps at once,
   * one large product instead of one per step.
   */
  private NDArray project(ParameterStore store, NDArray combined, boolean training) {
    NDArray projected = training && dropout > 0 ? Dropout.dropout(combined, dropout, true).head() : combined;
    return tied
        ? projected.matMul(RecurrentStep.transposed(embedding.table(store, projected.getDevice(), training), projected))
        : output.forward(store, new NDList(projected), training).head();
  }
}
