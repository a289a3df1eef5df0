package io.seqpipe.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A listener for a driver that runs in the test's JVM: which tasks run on which executor, in which stage, and
 * how many were lost with their executor. Spark makes it from {@code spark.extraListeners}; its state is
 * static so that the test sees what the job's driver saw.
 *
 * <pre>{@code
 * RunningTasks.reset();
 * seqpipe spark translate ... --conf spark.extraListeners=io.seqpipe.spark.RunningTasks
 * RunningTasks.anyRunningAfterShuffle(Set.of("0"));   // executor 0 runs the model on some lines
 * }</pre>
 */
public final class RunningTasks extends SparkListener {
  private record Task(String executor, int stage) {}

  private static final Map<Long, Task> RUNNING = new ConcurrentHashMap<>();
  private static final Set<Integer> AFTER_SHUFFLE = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger LOST = new AtomicInteger();

  /** Forgets what earlier jobs did. */
  static void reset() {
    RUNNING.clear();
    AFTER_SHUFFLE.clear();
    LOST.set(0);
  }

  /**
   * Whether a task of a stage that reads a shuffle (a {@code seqpipe spark} job's last stage: the one that runs
   * the model) runs on one of {@code executors}.
   */
  static boolean anyRunningAfterShuffle(Set<String> executors) {
    return RUNNING.values().stream().anyMatch(task -> executors.contains(task.executor())
        && AFTER_SHUFFLE.contains(task.stage()));
  }

  /** Tasks that failed because their executor was lost. */
  static int lost() {
    return LOST.get();
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (submitted.stageInfo().parentIds().nonEmpty()) {
      AFTER_SHUFFLE.add(submitted.stageInfo().stageId());
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart start) {
    RUNNING.put(start.taskInfo().taskId(), new Task(start.taskInfo().executorId(), start.stageId()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    RUNNING.remove(end.taskInfo().taskId());
    if (end.reason() instanceof ExecutorLostFailure) {
      LOST.incrementAndGet();
    }
  }
}
