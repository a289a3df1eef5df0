package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.Locale;

/**
 * Embeddings, a recurrent encoder, pooling over real tokens, dropout and a linear head: token ids to
 * class logits.
 *
 * <p>Inputs: ids {@code [batch, time]} and lengths {@code [batch]} (int32). Outputs: logits {@code
 * [batch, classes]}, and with attention pooling the attention weights {@code [batch, time]}.
 *
 * <pre>{@code
 * TextClassifier model = new TextClassifier(TokenEmbedding.learned(vocab.size(), 100),
 *     new RecurrentEncoder(CellType.LSTM, 128, 1, true, 0.3, false), "attention", 0.3, 2);
 * }</pre>
 */
public final class TextClassifier extends AbstractBlock {
  private static final byte VERSION = 1;

  private final TokenEmbedding embedding;
  private final RecurrentEncoder encoder;
  private final Pooling pooling;
  private final AttentionPooling attention;
  private final float dropout;
  private final Linear head;

  /**
   * @param pooling {@code last}, {@code mean}, {@code max} or {@code attention}
   */
  public TextClassifier(TokenEmbedding embedding, RecurrentEncoder encoder, String pooling, double dropout,
      int classes) {
    super(VERSION);
    this.embedding = addChildBlock("embedding", embedding);
    this.encoder = addChildBlock("encoder", encoder);
    boolean attentive = pooling.equals("attention");
    this.pooling = attentive ? null : Pooling.valueOf(pooling.toUpperCase(Locale.ROOT));
    this.attention = attentive ? addChildBlock("attention", new AttentionPooling(encoder.outputSize())) : null;
    this.dropout = (float) dropout;
    this.head = addChildBlock("head", Linear.builder().setUnits(classes).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape ids = inputShapes[0];
    embedding.initialize(manager, dataType, ids);
    Shape embedded = embedding.getOutputShapes(new Shape[] {ids})[0];
    encoder.initialize(manager, dataType, embedded, inputShapes[1]);
    Shape encoded = encoder.getOutputShapes(new Shape[] {embedded, inputShapes[1]})[0];
    if (attention != null) {
      attention.initialize(manager, dataType, encoded, new Shape(ids.get(0), ids.get(1)));
    }
    head.initialize(manager, dataType, new Shape(ids.get(0), encoder.outputSize()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {head.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), encoder.outputSize())})[0]};
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray lengths = inputs.get(1);
    NDArray embedded = embedding.forward(store, new NDList(ids), training).head();
    NDArray outputs = encoder.forward(store, new NDList(embedded, lengths), training).head();
    int[] lengthValues = lengths.toType(DataType.INT32, false).toIntArray();
    int time = (int) ids.getShape().get(1);
    NDList result = new NDList();
    NDArray pooled;
    if (attention != null) {
      boolean padded = Arrays.stream(lengthValues).anyMatch(length -> length != time);
      NDList attended = attention.forward(store,
          padded ? new NDList(outputs, mask(ids, lengthValues)) : new NDList(outputs), training);
      pooled = attended.get(0);
      result.add(attended.get(1));
    } else {
      pooled = pooling.pool(outputs, mask(ids, lengthValues), encoder.bidirectional());
    }
    if (training && dropout > 0) {
      pooled = Dropout.dropout(pooled, dropout, true).head();
    }
    result.add(0, head.forward(store, new NDList(pooled), training).head());
    return result;
  }

  private static NDArray mask(NDArray ids, int[] lengths) {
    return Masks.fromLengths(ids.getManager(), lengths, (int) ids.getShape().get(1)).toDevice(ids.getDevice(), false);
  }
}
