package io.seqpipe.models.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.TokenEmbedding;

/**
 * The engine threads a training step splits its operations into. The engine's threads ({@code
 * OMP_NUM_THREADS}, {@code ai.djl.pytorch.num_threads}) are the most a step may use, as {@code MKL_NUM_THREADS}
 * is for MKL's dynamic mode: a model whose weight matrices are all small trains on one. Its operations take
 * microseconds, and under the launcher's passive wait policy each one split over threads first wakes a
 * sleeping thread; a second thread made the classification benchmark's steps up to 2.3x slower on both engines
 * and both machines measured, while the translation benchmark models, with output layers of millions of weights,
 * gained up to 1.3x from it (BENCHMARKS.md, "Engine threads of a training step").
 *
 * <p>Only engines that set their threads per calling thread follow the choice ({@link
 * EngineChoice#setsOperationThreadsPerThread}): PyTorch, and MXNet under its synchronous engine, which the
 * launcher selects; under its threaded engine MXNet's threads are fixed when it loads. On an accelerator the
 * engine's threads are left alone.
 *
 * <pre>{@code
 * StepThreads threads = StepThreads.of(model);   // 1 of 2 for a sentiment classifier
 * try (StepThreads.Scope scope = threads.apply()) {
 *   ... training steps on this thread ...
 * }
 * }</pre>
 *
 * @param engine the model's engine
 * @param available the engine's threads: the most a step may use
 * @param chosen the threads a step runs on
 * @param largestWeights the weights of the model's largest weight matrix outside its embedding tables
 */
public record StepThreads(EngineChoice engine, int available, int chosen, long largestWeights) {

  /** Weight matrices at least this large (weights) make operations big enough to split over threads. */
  public static final long LARGE_MATRIX = 1L << 20;

  /** Restores the engine's threads of the calling thread when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The choice for an initialized model on its device. */
  public static StepThreads of(Model model) {
    EngineChoice engine = EngineChoice.fromId(model.getNDManager().getEngine().getEngineName());
    int available = engine.operationThreads();
    long largest = largestMatrix(model.getBlock());
    boolean cpu = Device.Type.CPU.equals(model.getNDManager().getDevice().getDeviceType());
    int chosen = !cpu || !engine.setsOperationThreadsPerThread() || largest >= LARGE_MATRIX ? available : 1;
    return new StepThreads(engine, available, chosen, largest);
  }

  /** Sets the calling thread's engine threads to the choice until the scope closes. */
  public Scope apply() {
    engine.setOperationThreads(chosen);
    return () -> engine.setOperationThreads(available);
  }

  /** The largest two-dimensional parameter of the block and its children, embedding tables left out. */
  static long largestMatrix(Block block) {
    if (block instanceof TokenEmbedding) {
      return 0;
    }
    long largest = 0;
    for (Parameter parameter : block.getDirectParameters().values()) {
      Shape shape = parameter.getArray().getShape();
      if (shape.dimension() == 2) {
        largest = Math.max(largest, shape.size());
      }
    }
    for (Block child : block.getChildren().values()) {
      largest = Math.max(largest, largestMatrix(child));
    }
    return largest;
  }
}
