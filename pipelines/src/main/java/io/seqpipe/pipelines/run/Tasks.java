package io.seqpipe.pipelines.run;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.pipelines.classify.ClassifyTask;
import io.seqpipe.pipelines.forecast.ForecastTask;
import io.seqpipe.pipelines.translate.TranslateTask;
import java.io.IOException;

/**
 * The task of each kind of pipeline: one place from a spec to the code that trains and evaluates it.
 *
 * <pre>{@code
 * Task<?> task = Tasks.prepare(pipeline);   // reads and analyzes the data, builds the vocabularies
 * }</pre>
 */
public final class Tasks {
  private Tasks() {}

  /** The pipeline's task, its data read and prepared for training. */
  public static Task<?> prepare(LoadedPipeline pipeline) throws IOException {
    if (pipeline.spec() instanceof ClassifySpec classify) {
      return ClassifyTask.prepare(pipeline, classify);
    }
    if (pipeline.spec() instanceof ForecastSpec forecast) {
      return ForecastTask.prepare(pipeline, forecast);
    }
    return TranslateTask.prepare(pipeline, (TranslateSpec) pipeline.spec());
  }
}
