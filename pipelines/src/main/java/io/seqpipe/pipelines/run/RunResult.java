package io.seqpipe.pipelines.run;

import io.seqpipe.models.train.TrainingState;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;

/**
 * What a run leaves for its caller: the report as written, the trained model (close it), and the task,
 * which can still evaluate the model on its test data.
 *
 * <pre>{@code
 * try (RunResult<?> result = RunDriver.run(pipeline, Path.of("runs/x"), true)) {
 *   result.model().predict(List.of("Great phone."));
 * }
 * }</pre>
 */
public record RunResult<M extends TrainedModel>(RunReport report, M model, Task<M> task, TrainingState state)
    implements AutoCloseable {

  /** The model's scores on the test data, as the report writes them (evaluated now if the run did not). */
  public Object testMetrics() throws IOException {
    return task.testMetrics(model);
  }

  @Override
  public void close() {
    model.close();
  }
}
