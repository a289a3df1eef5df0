package io.seqpipe.spark;

import io.seqpipe.pipelines.classify.Classifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe spark predict --model DIR --input PATH --output DIR [--master URL]}: {@code seqpipe predict}
 * as a Spark job, {@code label<TAB>probability} lines (or {@code label} and {@code probability} columns).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Label a data set with a saved model on Spark: text lines in, label<TAB>probability lines out.")
final class SparkPredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobArguments job;

  @Override
  public Integer call() throws Exception {
    job.run(new PredictionAnswers(), Classifier.DEFAULT_WINDOW, "labelled", spec.commandLine().getErr());
    return 0;
  }
}
