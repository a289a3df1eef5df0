package io.seqpipe.spark;

import ai.djl.pytorch.jni.JniUtils;
import io.seqpipe.models.engine.EngineChoice;

/**
 * Makes a Spark task's thread search as the main thread of {@code seqpipe translate} does. PyTorch's autograd
 * mode belongs to a thread, and DJL turns it off only on the thread that loads the engine: on Spark's task
 * threads searches ran with it on, took other CPU kernels and now and then chose another beam than the
 * single-process command (2 of 2,000 long Bible verses).
 *
 * <pre>{@code
 * InferenceThread.prepare(model.handle().engine());   // on the task's thread, before the model searches
 * }</pre>
 */
final class InferenceThread {
  private InferenceThread() {}

  static void prepare(EngineChoice engine) {
    if (engine == EngineChoice.PYTORCH) {
      JniUtils.setGradMode(false);
    }
  }
}
