package io.seqpipe.models.nn;

import java.util.Locale;

/** The recurrent cells Seqpipe has, with their number of gates. */
public enum CellType {
  LSTM(4),
  GRU(3);

  private final int gates;

  CellType(int gates) {
    this.gates = gates;
  }

  /** Gates per step: the rows of a weight matrix are {@code gates * hidden}. */
  public int gates() {
    return gates;
  }

  public static CellType fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
