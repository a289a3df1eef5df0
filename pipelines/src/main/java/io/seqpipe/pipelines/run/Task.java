package io.seqpipe.pipelines.run;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one kind of pipeline brings to a run, its data already read, analyzed and turned into ids: the
 * model, its training batches and objective, its dev metric, its evaluation, its report page. {@link
 * RunDriver} does the rest (engine, device, seed, trainer, training loop, checkpoints, report and model
 * directory) the same way for every kind. A task is made for one run by {@link Tasks#prepare}.
 *
 * <pre>{@code
 * Task<?> task = Tasks.prepare(pipeline);
 * try (RunResult<?> result = RunDriver.run(pipeline, task, Path.of("runs/x"), true)) {
 *   System.out.println(result.report().task());
 * }
 * }</pre>
 *
 * @param <M> the trained model it makes
 */
public interface Task<M extends TrainedModel> {
  /** The untrained model, its block on a new engine model. */
  M newModel(String name, EngineChoice engine, Device device);

  /** Placeholder input shapes to initialize the block's parameters with. */
  Shape[] inputShapes();

  /** Each training example's length in padded tokens, for token-budget batches. */
  int[] lengths();

  /** The training batch of these examples. */
  TrainingLoop.Batch batch(int[] examples);

  /** The training loss. */
  TrainingLoop.Objective objective();

  /** Whether a larger dev metric is better (false for a loss). */
  boolean higherIsBetter();

  /** The dev metric that early stopping watches, for the model as it is. */
  double devMetric(M model);

  /** The files read, by role, for the report's data hashes. */
  Map<String, Path> dataFiles();

  /** Examples in each split, as trained and evaluated. */
  RunReport.Examples examples();

  /**
   * Evaluates the trained model on dev, and on test when asked, writing the kind's outputs (test
   * translations, ...) into {@code out}.
   */
  TaskReport evaluate(M model, TrainingState state, boolean test, Path out) throws IOException;

  /** The trained model's test scores as {@code report.json} writes them; evaluates the test set if needed. */
  Object testMetrics(M model) throws IOException;

  /** What the model directory's manifest records besides the common fields. */
  Map<String, Object> manifestFields(TaskReport report);

  /** {@code report.html} and its charts. */
  void writePage(Path out, RunReport report) throws IOException;
}
