package io.seqpipe.pipelines.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The server's metrics in Micrometer's Prometheus registry, scraped at {@code GET /metrics}: requests by
 * model and status ({@code seqpipe_requests_total}), a latency histogram ({@code
 * seqpipe_request_seconds_bucket{le=...}}), texts per batch ({@code seqpipe_batch_texts}), queue depth
 * ({@code seqpipe_queue_depth}), tokens served ({@code seqpipe_tokens_total}) and tokens per second over the
 * last ten seconds ({@code seqpipe_tokens_per_second}).
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * metrics.request("sentiment", 200, Duration.ofMillis(3));
 * String text = metrics.scrape();
 * }</pre>
 */
final class ServerMetrics {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** A finished request; {@code model} is empty for requests that named no served model. */
  void request(String model, int status, Duration latency) {
    Counter.builder("seqpipe.requests").description("HTTP requests by model and status").tag("model", model)
        .tag("status", Integer.toString(status)).register(registry).increment();
    Timer.builder("seqpipe.request").description("request latency").tag("model", model).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry)
        .record(latency);
  }

  /** A batch run through a model: how many texts it merged and their tokens. */
  void batch(String model, int texts, int tokens) {
    DistributionSummary.builder("seqpipe.batch.texts").description("texts per model batch").tag("model", model)
        .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(1024.0).register(registry)
        .record(texts);
    Counter.builder("seqpipe.tokens").description("tokens run through the model").tag("model", model)
        .register(registry).increment(tokens);
  }

  /** Reports the model's queue depth and token rate as gauges. */
  void watch(String model, Supplier<Number> queueDepth, TokenRate rate) {
    Gauge.builder("seqpipe.queue.depth", queueDepth).description("requests waiting for a batch").tag("model", model)
        .register(registry);
    Gauge.builder("seqpipe.tokens.per.second", rate, TokenRate::perSecond)
        .description("tokens served per second over the last ten seconds").tag("model", model).register(registry);
  }

  /** The Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }

  /** Tokens per second over a sliding window of recent batches. */
  static final class TokenRate {
    private final Deque<long[]> batches = new ArrayDeque<>();

    synchronized void add(int tokens) {
      batches.addLast(new long[] {System.nanoTime(), tokens});
      trim(System.nanoTime());
    }

    synchronized double perSecond() {
      trim(System.nanoTime());
      return batches.stream().mapToLong(b -> b[1]).sum() / (double) RATE_WINDOW.toSeconds();
    }

    private void trim(long now) {
      while (!batches.isEmpty() && now - batches.peekFirst()[0] > RATE_WINDOW.toNanos()) {
        batches.removeFirst();
      }
    }
  }
}
