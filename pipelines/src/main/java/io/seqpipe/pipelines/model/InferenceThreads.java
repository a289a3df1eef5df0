package io.seqpipe.pipelines.model;

import io.seqpipe.models.engine.EngineChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a model's independent inference tasks (search batches) on several threads side by side, each
 * prepared for the model's inference and given an equal share of the engine's operation threads: N
 * threads use the cores that one thread splitting every operation over all of them would, but run whole
 * batches in parallel, where the small operations of a search gain little from being split. Results do not
 * depend on the number of threads, only the speed does. On an engine that cannot run one model from several
 * threads ({@link EngineChoice#concurrentInference()}: MXNet) the tasks run one after another on the calling
 * thread, as with one thread.
 *
 * <p>Each task holds the engine threads it runs on while it runs ({@link ModelHandle#withInferenceThreads}), so
 * that several calls on one model at once (the tasks of a Spark executor) share the model's engine threads
 * instead of each taking all of them: a call asks for up to all the cores, gets what the others leave, and the
 * last call still running gets them all.
 *
 * <p>The threads live for one call. PyTorch keeps the operation threads it last set as the default of
 * threads that start later; the call sets it back to the calling thread's when it ends.
 *
 * <pre>{@code
 * String[] found = new String[batches.size()];
 * InferenceThreads.run(handle, 2, batches.size(), b -> found[b] = search(batches.get(b)));  // each b once
 * }</pre>
 */
public final class InferenceThreads {
  private InferenceThreads() {}

  /**
   * Calls {@code task} once for each index {@code 0 .. tasks - 1}, on up to {@code threads} threads; the first
   * failure stops the tasks not yet started and is thrown once all threads have stopped.
   */
  public static void run(ModelHandle handle, int threads, int tasks, IntConsumer task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    EngineChoice engine = handle.engineChoice();
    int workers = handle.concurrentInference() ? Math.min(threads, tasks) : 1;
    if (workers <= 1) {
      handle.prepareInferenceThread();
      int all = engine.operationThreads();
      for (int i = 0; i < tasks; i++) {
        int index = i;
        handle.withInferenceThreads(all, () -> task.accept(index));
      }
      return;
    }
    int operationThreads = engine.operationThreads();
    int share = Math.max(1, operationThreads / workers);
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "seqpipe-inference");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          handle.prepareInferenceThread(share);
          try {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
              int index = i;
              handle.withInferenceThreads(share, () -> task.accept(index));
            }
          } catch (RuntimeException | Error e) {
            next.set(tasks);
            throw e;
          }
        }));
      }
      awaitAll(running);
    } finally {
      pool.shutdownNow();
      engine.setOperationThreads(operationThreads);
    }
  }

  private static void awaitAll(List<Future<?>> running) {
    Throwable failure = null;
    boolean interrupted = false;
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for inference threads");
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }
}
