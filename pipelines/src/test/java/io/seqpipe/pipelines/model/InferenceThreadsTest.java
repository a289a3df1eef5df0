package io.seqpipe.pipelines.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.nn.Blocks;
import ai.djl.pytorch.jni.JniUtils;
import io.seqpipe.models.engine.EngineChoice;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Inference tasks side by side on PyTorch, one after another on MXNet; each exactly once either way. */
class InferenceThreadsTest {
  @Test
  void runsEveryTaskOnceOnSeveralPreparedThreadsWithTheirShareOfTheEngineThreads() throws Exception {
    try (ModelHandle handle = ModelHandle.create("t", EngineChoice.PYTORCH, Device.cpu(), Blocks.identityBlock())) {
      int before = EngineChoice.PYTORCH.operationThreads();
      AtomicIntegerArray runs = new AtomicIntegerArray(40);
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      Set<Integer> operationThreads = ConcurrentHashMap.newKeySet();
      Set<Boolean> gradModes = ConcurrentHashMap.newKeySet();
      CountDownLatch bothStarted = new CountDownLatch(2);
      InferenceThreads.run(handle, 2, runs.length(), task -> {
        runs.incrementAndGet(task);
        threads.add(Thread.currentThread());
        operationThreads.add(EngineChoice.PYTORCH.operationThreads());
        gradModes.add(JniUtils.isGradMode());
        if (task < 2) {
          bothStarted.countDown();
          await(bothStarted);
        }
      });
      for (int task = 0; task < runs.length(); task++) {
        assertThat(runs.get(task)).as("runs of task %d", task).isEqualTo(1);
      }
      assertThat(threads).as("two threads ran side by side, neither the caller").hasSize(2)
          .doesNotContain(Thread.currentThread());
      assertThat(operationThreads).containsExactly(Math.max(1, before / 2));
      assertThat(gradModes).as("autograd off on the inference threads").containsExactly(false);
      assertThat(EngineChoice.PYTORCH.operationThreads()).as("the caller's engine threads afterwards").isEqualTo(before);
    }
  }

  @Test
  void callsSideBySideShareTheModelsEngineThreadsAndTheLastOneRunningGetsThemAll() throws Exception {
    try (ModelHandle handle = ModelHandle.create("t", EngineChoice.PYTORCH, Device.cpu(), Blocks.identityBlock())) {
      int engineThreads = EngineChoice.PYTORCH.operationThreads();
      assertThat(engineThreads).as("the build's engine threads (test.omp.threads)").isGreaterThanOrEqualTo(2);
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      AtomicBoolean firstCallDone = new AtomicBoolean();
      CountDownLatch allAfterFirstCall = new CountDownLatch(engineThreads);
      Set<Thread> counted = ConcurrentHashMap.newKeySet();
      Thread first = new Thread(() -> InferenceThreads.run(handle, engineThreads, 4 * engineThreads, task -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sleep(20);
        inFlight.decrementAndGet();
      }));
      first.start();
      InferenceThreads.run(handle, engineThreads, 10_000, task -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (first.isAlive()) {
          sleep(5);
        } else if (counted.add(Thread.currentThread())) {
          firstCallDone.set(true);
          allAfterFirstCall.countDown();
          await(allAfterFirstCall);
        }
        inFlight.decrementAndGet();
      });
      first.join();
      assertThat(firstCallDone).as("the second call outlasted the first").isTrue();
      assertThat(most.get()).as("tasks in flight at once, with twice the engine's threads asked for")
          .isEqualTo(engineThreads);
    }
  }

  @Test
  void runsTasksOneAfterAnotherOnTheCallingThreadOnMxnet() {
    try (ModelHandle handle = ModelHandle.create("t", EngineChoice.MXNET, Device.cpu(), Blocks.identityBlock())) {
      AtomicIntegerArray runs = new AtomicIntegerArray(5);
      Set<Thread> threads = ConcurrentHashMap.newKeySet();
      InferenceThreads.run(handle, 4, runs.length(), task -> {
        runs.incrementAndGet(task);
        threads.add(Thread.currentThread());
      });
      assertThat(threads).containsExactly(Thread.currentThread());
      for (int task = 0; task < runs.length(); task++) {
        assertThat(runs.get(task)).isEqualTo(1);
      }
    }
  }

  @Test
  void throwsTheFirstFailureAndStartsNoMoreTasks() {
    try (ModelHandle handle = ModelHandle.create("t", EngineChoice.PYTORCH, Device.cpu(), Blocks.identityBlock())) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      CountDownLatch failing = new CountDownLatch(1);
      assertThatThrownBy(() -> InferenceThreads.run(handle, 2, runs.length(), task -> {
        runs.incrementAndGet(task);
        if (task == 3) {
          failing.countDown();
          throw new IllegalStateException("batch 3 failed");
        }
        if (task > 3) {
          await(failing);
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("batch 3 failed");
      int started = 0;
      for (int task = 0; task < runs.length(); task++) {
        started += runs.get(task);
      }
      assertThat(started).as("tasks started after the failure was seen").isLessThan(runs.length());
    }
  }

  @Test
  void refusesLessThanOneThread() {
    try (ModelHandle handle = ModelHandle.create("t", EngineChoice.PYTORCH, Device.cpu(), Blocks.identityBlock())) {
      assertThatThrownBy(() -> InferenceThreads.run(handle, 0, 3, task -> {}))
          .hasMessage("threads must be >= 1, got 0");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread started a task").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
