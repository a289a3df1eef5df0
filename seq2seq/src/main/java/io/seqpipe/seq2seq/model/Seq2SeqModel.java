package io.seqpipe.seq2seq.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.seqpipe.models.nn.Masks;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TokenEmbedding;

/**
 * An encoder-decoder translation model: source embeddings, a (bidirectional, stacked) recurrent encoder,
 * and an {@link AttentionDecoder}.
 *
 * <p>Inputs: source ids {@code [B, S]}, source lengths {@code [B]} (int32), target input ids {@code [B,
 * T]} (starting with {@code <s>}). Outputs: logits {@code [B, T, V]} and attention {@code [B, T, S]}.
 *
 * <pre>{@code
 * Seq2SeqModel model = new Seq2SeqModel(TokenEmbedding.learned(sourceVocab, 256),
 *     new RecurrentEncoder(CellType.LSTM, 256, 1, true, 0.3, false), decoder);
 * Encoded encoded = model.encode(store, sourceIds, lengths, false);   // for search
 * }</pre>
 */
public final class Seq2SeqModel extends AbstractBlock {
  private static final byte VERSION = 1;

  private final TokenEmbedding sourceEmbedding;
  private final RecurrentEncoder encoder;
  private final AttentionDecoder decoder;

  public Seq2SeqModel(TokenEmbedding sourceEmbedding, RecurrentEncoder encoder, AttentionDecoder decoder) {
    super(VERSION);
    this.sourceEmbedding = addChildBlock("source_embedding", sourceEmbedding);
    this.encoder = addChildBlock("encoder", encoder);
    this.decoder = addChildBlock("decoder", decoder);
  }

  public AttentionDecoder decoder() {
    return decoder;
  }

  /** What search starts from: the memory to attend to and the decoder's initial state. */
  public record Encoded(AttentionDecoder.Memory memory, AttentionDecoder.State state) {}

  public Encoded encode(ParameterStore store, NDArray sourceIds, NDArray lengths, boolean training) {
    NDArray embedded = sourceEmbedding.forward(store, new NDList(sourceIds), training).head();
    NDList encoded = encoder.forward(store, new NDList(embedded, lengths), training);
    NDArray outputs = encoded.get(0);
    int[] lengthValues = lengths.toType(DataType.INT32, false).toIntArray();
    NDArray mask = Masks.fromLengths(sourceIds.getManager(), lengthValues, (int) sourceIds.getShape().get(1))
        .toDevice(sourceIds.getDevice(), false);
    NDArray finalStates = encoded.get(1); // [layers * directions, B, H]
    int directions = encoder.bidirectional() ? 2 : 1;
    long rows = finalStates.getShape().get(0);
    NDList last = new NDList();
    for (long d = rows - directions; d < rows; d++) {
      last.add(finalStates.get(d));
    }
    NDArray summary = last.size() == 1 ? last.head() : NDArrays.concat(last, 1);
    return new Encoded(decoder.memory(store, outputs, mask, training), decoder.start(store, summary, training));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape source = inputShapes[0];
    sourceEmbedding.initialize(manager, dataType, source);
    Shape embedded = sourceEmbedding.getOutputShapes(new Shape[] {source})[0];
    encoder.initialize(manager, dataType, embedded, inputShapes[1]);
    Shape memory = new Shape(source.get(0), source.get(1), encoder.outputSize());
    decoder.initialize(manager, dataType, memory, new Shape(source.get(0), source.get(1)),
        new Shape(source.get(0), encoder.outputSize()), inputShapes[2]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape memory = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), encoder.outputSize());
    return decoder.getOutputShapes(new Shape[] {memory, null, null, inputShapes[2]});
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    Encoded encoded = encode(store, inputs.get(0), inputs.get(1), training);
    return decoder.decode(store, encoded, inputs.get(2), training);
  }
}
