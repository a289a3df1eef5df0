package io.seqpipe.models.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyTorch computes inference without autograd on any thread, as on the thread that loaded the engine. */
class InferenceThreadTest {
  @Test
  void turnsAutogradOffOnAThreadOfItsOwn() throws Exception {
    EngineChoice.PYTORCH.engine();
    List<Boolean> gradMode = new ArrayList<>();
    Thread task = new Thread(() -> {
      gradMode.add(JniUtils.isGradMode());
      EngineChoice.PYTORCH.prepareInferenceThread();
      gradMode.add(JniUtils.isGradMode());
    });
    task.start();
    task.join();
    assertThat(gradMode).as("autograd on a new thread, before and after").containsExactly(true, false);
  }
}
