package io.seqpipe.models.train;

/** Training produced a NaN or infinite loss or gradient; the last good checkpoint is left as it was. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
