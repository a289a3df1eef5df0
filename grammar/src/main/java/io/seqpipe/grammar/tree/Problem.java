package io.seqpipe.grammar.tree;

import io.seqpipe.nlp.Quote;

/**
 * One thing wrong with a pipeline, located. {@link #toString()} is {@code FILE:LINE:COL: message}, always
 * one line: control characters in the file name or the message are shown escaped (see {@link Quote}).
 */
public record Problem(Position position, String message) {
  @Override
  public String toString() {
    return Quote.escape(position + ": " + message);
  }
}
