package io.seqpipe.models.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Token ids {@code [batch, time]} to vectors {@code [batch, time, dimension]}, learned from scratch or
 * starting from pretrained vectors ({@link PretrainedMatrix}), tuned or frozen. Ids are cast to what the
 * engine's embedding kernel takes (PyTorch wants int64).
 *
 * <pre>{@code
 * TokenEmbedding learned = TokenEmbedding.learned(vocab.size(), 100);
 * TokenEmbedding glove = TokenEmbedding.pretrained(PretrainedMatrix.of(vocab, vectors, seed), true);
 * }</pre>
 */
public final class TokenEmbedding extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int size;
  private final int dimension;
  private final Parameter weight;

  private TokenEmbedding(int size, int dimension, Initializer initializer, boolean frozen) {
    super(VERSION);
    this.size = size;
    this.dimension = dimension;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(size, dimension)).optInitializer(initializer).optRequiresGrad(!frozen).build());
  }

  /** Vectors learned from scratch, initialized from N(0, 0.1). */
  public static TokenEmbedding learned(int vocabularySize, int dimension) {
    return new TokenEmbedding(vocabularySize, dimension, new NormalInitializer(0.1f), false);
  }

  /** Vectors starting from {@code matrix}; {@code frozen} keeps them fixed during training. */
  public static TokenEmbedding pretrained(PretrainedMatrix matrix, boolean frozen) {
    Initializer initializer = (manager, shape, dataType) -> manager.create(matrix.values(), shape);
    return new TokenEmbedding(matrix.rows(), matrix.dimension(), initializer, frozen);
  }

  public int dimension() {
    return dimension;
  }

  /** The vectors {@code [size, dimension]} as a forward pass sees them (for output layers tied to them). */
  public NDArray table(ParameterStore store, Device device, boolean training) {
    return store.getValue(weight, device, training);
  }

  public boolean frozen() {
    return !weight.requiresGradient();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dimension)};
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray ids = inputs.head();
    NDArray table = store.getValue(weight, ids.getDevice(), training);
    return ids.getNDArrayInternal().embedding(Ids.forEngine(ids), table, SparseFormat.DENSE);
  }

  @Override
  public String toString() {
    return "TokenEmbedding(" + size + " x " + dimension + (frozen() ? ", frozen" : "") + ")";
  }
}
