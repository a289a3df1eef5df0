package io.seqpipe.pipelines.serve;

import io.seqpipe.pipelines.model.ModelOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link SeqpipeServer} runs: the models it serves by name, where it listens, how it batches
 * concurrent requests and what it refuses.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.defaults(Map.of("sentiment", Path.of("runs/sentiment/model")))
 *     .withPort(0);   // an ephemeral port
 * }</pre>
 *
 * @param models model directories by the name requests use
 * @param host the address to bind (loopback unless told otherwise)
 * @param port the port, 0 for any free one
 * @param maxBatchTokens the most tokens one batch merges from concurrent requests
 * @param maxWaitMillis how long a request may wait for others to join its batch
 * @param maxQueue requests waiting per model before new ones get 503
 * @param maxBody the largest request body, in bytes
 * @param model the engine and device the models run on
 */
public record ServerOptions(Map<String, Path> models, String host, int port, int maxBatchTokens, int maxWaitMillis,
    int maxQueue, long maxBody, ModelOptions model) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_BATCH_TOKENS = 2048;
  public static final int DEFAULT_MAX_WAIT_MILLIS = 5;
  public static final int DEFAULT_MAX_QUEUE = 256;
  public static final long DEFAULT_MAX_BODY = 1 << 20;

  public ServerOptions {
    models = new LinkedHashMap<>(models);
    Objects.requireNonNull(host, "host");
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no model to serve: give --model NAME=DIR");
    }
    if (maxBatchTokens < 1 || maxWaitMillis < 0 || maxQueue < 1 || maxBody < 1) {
      throw new IllegalArgumentException("--max-batch-tokens, --max-queue and --max-body must be >= 1 and "
          + "--max-wait-ms >= 0");
    }
  }

  /** The defaults: loopback, port 8080, batches of 2,048 tokens gathered for 5 ms, 256 queued, 1 MiB bodies. */
  public static ServerOptions defaults(Map<String, Path> models) {
    return new ServerOptions(models, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BATCH_TOKENS, DEFAULT_MAX_WAIT_MILLIS,
        DEFAULT_MAX_QUEUE, DEFAULT_MAX_BODY, ModelOptions.DEFAULT);
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(models, host, newPort, maxBatchTokens, maxWaitMillis, maxQueue, maxBody, model);
  }

  public ServerOptions withBatching(int tokens, int waitMillis, int queue) {
    return new ServerOptions(models, host, port, tokens, waitMillis, queue, maxBody, model);
  }

  public ServerOptions withMaxBody(long bytes) {
    return new ServerOptions(models, host, port, maxBatchTokens, maxWaitMillis, maxQueue, bytes, model);
  }
}
