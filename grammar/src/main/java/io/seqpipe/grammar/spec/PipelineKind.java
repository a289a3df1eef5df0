package io.seqpipe.grammar.spec;

/** What a pipeline does: classify texts (classification, sentiment), translate them, or forecast a time series. */
public enum PipelineKind {
  CLASSIFY("classify"),
  TRANSLATE("translate"),
  FORECAST("forecast");

  private final String id;

  PipelineKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
