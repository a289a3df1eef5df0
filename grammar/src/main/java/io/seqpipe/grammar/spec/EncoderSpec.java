package io.seqpipe.grammar.spec;

/**
 * The recurrent encoder: {@code lstm}, {@code gru}, {@code bilstm}, {@code bigru}.
 *
 * @param cell {@code lstm} or {@code gru}
 * @param dropout dropout between layers, while training
 * @param inputDropout dropout on the first layer's inputs (the embeddings), while training
 * @param wordDropout the rate at which whole source tokens are dropped from the first layer's inputs, while training
 * @param residual residual connections between layers of equal width
 */
public record EncoderSpec(String cell, boolean bidirectional, int hidden, int layers, double dropout,
    double inputDropout, double wordDropout, boolean residual) {

  /** The name in pipeline files: {@code bilstm} for a bidirectional LSTM. */
  public String type() {
    return (bidirectional ? "bi" : "") + cell;
  }
}
