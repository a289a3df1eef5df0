package io.seqpipe.models.train;

/**
 * Watches a dev metric: reports improvements and says when {@code patience} epochs have passed without
 * one (patience 0 never stops).
 *
 * <pre>{@code
 * EarlyStopping stopping = new EarlyStopping(true, 3);    // higher is better, 3 epochs of patience
 * boolean improved = stopping.update(devF1);
 * if (stopping.shouldStop()) { ... }
 * }</pre>
 */
public final class EarlyStopping {
  private final boolean higherIsBetter;
  private final int patience;
  private double best;
  private int staleEpochs;

  public EarlyStopping(boolean higherIsBetter, int patience) {
    this.higherIsBetter = higherIsBetter;
    this.patience = patience;
    this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** Continues from a checkpoint's record. */
  public EarlyStopping restore(double best, int staleEpochs) {
    this.best = best;
    this.staleEpochs = staleEpochs;
    return this;
  }

  /** Records this epoch's value; true if it is the best so far. */
  public boolean update(double value) {
    boolean improved = higherIsBetter ? value > best : value < best;
    if (improved) {
      best = value;
      staleEpochs = 0;
    } else {
      staleEpochs++;
    }
    return improved;
  }

  public boolean shouldStop() {
    return patience > 0 && staleEpochs >= patience;
  }

  public double best() {
    return best;
  }

  public int staleEpochs() {
    return staleEpochs;
  }
}
