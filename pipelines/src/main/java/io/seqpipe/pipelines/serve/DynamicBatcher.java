package io.seqpipe.pipelines.serve;

import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelOutput;
import io.seqpipe.pipelines.model.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Merges concurrent requests for one model into batches: a request waits at most {@code maxWaitMillis}
 * for others with the same settings to join it, up to {@code maxBatchTokens} tokens; one inference thread
 * runs each batch through the model and splits the answers back. Answers do not depend on the batch
 * (the model's batch invariance). At most {@code maxQueue} requests wait; the next one is refused with
 * 503, so a burst degrades to quick refusals instead of unbounded latency or memory.
 *
 * <pre>{@code
 * try (DynamicBatcher batcher = new DynamicBatcher("sentiment", model, options, metrics)) {
 *   List<? extends ModelOutput> answers = batcher.submit(List.of("Great phone."), Inference.DEFAULT, 3).join();
 * }
 * }</pre>
 */
final class DynamicBatcher implements AutoCloseable {
  private record Pending(List<String> texts, Inference inference, int tokens, long arrived,
      CompletableFuture<List<? extends ModelOutput>> answer) {}

  private final String name;
  private final TrainedModel model;
  private final int maxBatchTokens;
  private final long maxWaitNanos;
  private final int maxQueue;
  private final ServerMetrics metrics;
  private final ServerMetrics.TokenRate rate = new ServerMetrics.TokenRate();
  private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Thread worker;
  private volatile boolean running = true;

  DynamicBatcher(String name, TrainedModel model, ServerOptions options, ServerMetrics metrics) {
    this.name = name;
    this.model = model;
    this.maxBatchTokens = options.maxBatchTokens();
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(options.maxWaitMillis());
    this.maxQueue = options.maxQueue();
    this.metrics = metrics;
    metrics.watch(name, queued::get, rate);
    worker = new Thread(this::loop, "seqpipe-batcher-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Queues the texts; the future completes with their answers, or with an {@link ApiException}.
   *
   * @param tokens the texts' tokens, for the batch budget
   * @throws ApiException 503 when {@code maxQueue} requests are already waiting, or when shutting down
   */
  CompletableFuture<List<? extends ModelOutput>> submit(List<String> texts, Inference inference, int tokens) {
    if (!running) {
      throw new ApiException(503, "the server is shutting down");
    }
    if (queued.incrementAndGet() > maxQueue) {
      queued.decrementAndGet();
      throw new ApiException(503, maxQueue + " requests are already waiting for model '" + name + "'; retry shortly");
    }
    Pending pending = new Pending(List.copyOf(texts), inference, tokens, System.nanoTime(), new CompletableFuture<>());
    queue.addLast(pending);
    return pending.answer();
  }

  /** Requests waiting for a batch. */
  int queued() {
    return queued.get();
  }

  private void loop() {
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          run(gather(first));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The first request and those that join it before its wait ends or the token budget is spent. */
  private List<Pending> gather(Pending first) throws InterruptedException {
    List<Pending> batch = new ArrayList<>(List.of(first));
    int tokens = first.tokens();
    long deadline = first.arrived() + maxWaitNanos;
    while (tokens < maxBatchTokens) {
      long wait = deadline - System.nanoTime();
      Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
      if (next == null) {
        break;
      }
      if (!next.inference().equals(first.inference()) || tokens + next.tokens() > maxBatchTokens) {
        queue.addFirst(next); // the next batch starts with it
        break;
      }
      batch.add(next);
      tokens += next.tokens();
    }
    queued.addAndGet(-batch.size());
    return batch;
  }

  private void run(List<Pending> batch) {
    List<String> texts = new ArrayList<>();
    int tokens = 0;
    for (Pending pending : batch) {
      texts.addAll(pending.texts());
      tokens += pending.tokens();
    }
    try {
      List<? extends ModelOutput> answers = model.predict(texts, batch.get(0).inference());
      metrics.batch(name, texts.size(), tokens);
      rate.add(tokens);
      int from = 0;
      for (Pending pending : batch) {
        pending.answer().complete(answers.subList(from, from + pending.texts().size()));
        from += pending.texts().size();
      }
    } catch (IllegalArgumentException e) {
      batch.forEach(p -> p.answer().completeExceptionally(new ApiException(400, e.getMessage())));
    } catch (RuntimeException e) {
      batch.forEach(p -> p.answer().completeExceptionally(new ApiException(500, "inference failed: " + e)));
    }
  }

  /** Stops taking requests, answers those already queued, and stops the inference thread. */
  @Override
  public void close() {
    running = false;
    try {
      worker.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Pending late; (late = queue.poll()) != null; ) {
      late.answer().completeExceptionally(new ApiException(503, "the server is shutting down"));
    }
  }
}
