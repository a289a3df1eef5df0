package io.seqpipe.spark;

import io.seqpipe.pipelines.cli.SearchArguments;
import io.seqpipe.pipelines.translate.TranslationJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe spark translate --model DIR --input PATH --output DIR [--master URL] [--beam K] [--n-best N]}:
 * {@code seqpipe translate} as a Spark job; the part files of {@code DIR}, concatenated in name order, are
 * what {@code seqpipe translate} writes for the same input and options.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = "Translate a data set with a saved model on Spark: text lines in, the lines seqpipe translate writes out.")
final class SparkTranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin JobArguments job;

  @Mixin SearchArguments search;

  @Override
  public Integer call() throws Exception {
    job.run(new TranslationAnswers(search.inference(), search.batchTokens()),
        TranslationJob.DEFAULT_WINDOW, "translated", spec.commandLine().getErr());
    return 0;
  }
}
