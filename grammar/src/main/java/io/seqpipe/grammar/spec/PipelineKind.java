package io.seqpipe.grammar.spec;

/** What a pipeline does: classify texts (classification, sentiment) or translate them. */
public enum PipelineKind {
  CLASSIFY("classify"),
  TRANSLATE("translate");

  private final String id;

  PipelineKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
