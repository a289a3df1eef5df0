package io.seqpipe.seq2seq.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.seqpipe.models.nn.Masks;

/**
 * Attention of a decoder state over the encoder's outputs (the memory). The keys are computed once per
 * sentence ({@link #keys}); each decoder step then scores its query against them ({@link #scores}),
 * and {@link #attend} turns the scores into weights over real source tokens and a context vector.
 *
 * <pre>{@code
 * Attention attention = Attention.create("bahdanau", 256);
 * NDArray keys = attention.keys(store, memory, training);               // [batch, source, ...]
 * NDList attended = attention.attend(store, query, keys, memory, mask, training); // context, weights
 * }</pre>
 */
public abstract class Attention extends AbstractBlock {
  private static final byte VERSION = 1;

  protected Attention() {
    super(VERSION);
  }

  /**
   * @param type {@code bahdanau}, {@code luong_dot} or {@code luong_general}
   * @param queryWidth the decoder state's width (also Bahdanau's hidden layer width)
   */
  public static Attention create(String type, int queryWidth) {
    return switch (type) {
      case "bahdanau" -> new BahdanauAttention(queryWidth);
      case "luong_dot" -> new LuongAttention(false, queryWidth);
      case "luong_general" -> new LuongAttention(true, queryWidth);
      default -> throw new IllegalArgumentException("unknown attention '" + type
          + "'; expected bahdanau, luong_dot or luong_general");
    };
  }

  /** What the scores compare the query with, from the memory {@code [batch, source, features]}. */
  public abstract NDArray keys(ParameterStore store, NDArray memory, boolean training);

  /** Scores {@code [batch, source]} of the query {@code [batch, query]} against the keys. */
  public abstract NDArray scores(ParameterStore store, NDArray query, NDArray keys, boolean training);

  /** The context {@code [batch, features]} and weights {@code [batch, source]} for a memory {@code [batch, source, features]}. */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape memory = inputShapes[0];
    return new Shape[] {new Shape(memory.get(0), memory.get(2)), new Shape(memory.get(0), memory.get(1))};
  }

  /** Attention is used step by step through {@link #keys}, {@link #scores} and {@link #attend}. */
  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("use keys, scores and attend");
  }

  /**
   * @param mask {@code [batch, source]}, 1 for real source tokens
   * @return the context {@code [batch, features]} and the weights {@code [batch, source]} (0 at padding)
   */
  public NDList attend(ParameterStore store, NDArray query, NDArray keys, NDArray memory, NDArray mask,
      boolean training) {
    NDArray weights = Masks.softmax(scores(store, query, keys, training), mask);
    NDArray context = weights.expandDims(1).matMul(memory).squeeze(1); // 3-D matMul: PyTorch has no batchDot
    return new NDList(context, weights);
  }
}
