package io.seqpipe.grammar.tree;

/** One thing wrong with a pipeline, located. {@link #toString()} is {@code FILE:LINE:COL: message}. */
public record Problem(Position position, String message) {
  @Override
  public String toString() {
    return position + ": " + message;
  }
}
