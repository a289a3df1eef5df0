package io.seqpipe.pipelines.serve;

/**
 * A request the server answers with an error status and {@code {"error": "one line"}}.
 *
 * <pre>{@code
 * throw new ApiException(404, "no model named 'x'; serving: sentiment");
 * }</pre>
 */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
