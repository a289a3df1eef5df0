package io.seqpipe.grammar.catalog;

/**
 * The kinds of component a pipeline names, each with its own set of names in the {@link Catalog}.
 *
 * <pre>{@code
 * Set<String> encoders = Catalog.names(Family.ENCODER);   // bigru, bilstm, gru, lstm
 * }</pre>
 */
public enum Family {
  SUBWORD("subword"),
  ENCODER("encoder"),
  DECODER("decoder"),
  ATTENTION("attention"),
  POOLING("pooling"),
  EMBEDDINGS("embeddings"),
  SEARCH("search"),
  OPTIMIZER("optimizer"),
  SCHEDULE("schedule");

  private final String id;

  Family(String id) {
    this.id = id;
  }

  /** The family's name in messages, e.g. {@code encoder}. */
  public String id() {
    return id;
  }
}
