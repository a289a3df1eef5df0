package io.seqpipe.grammar.tree;

/**
 * Where something was written: a source (file name, or {@code --set key} for an override), a 1-based
 * line and a 1-based column.
 */
public record Position(String source, int line, int column) {
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
