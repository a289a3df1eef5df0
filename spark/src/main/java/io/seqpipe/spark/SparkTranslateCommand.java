package io.seqpipe.spark;

import io.seqpipe.pipelines.translate.TranslationJob;
import io.seqpipe.pipelines.translate.Translator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(names = "--beam", paramLabel = "K", description = "Beam size; 1 is greedy (default: the model's search).")
  Integer beam;

  @Option(names = "--n-best", paramLabel = "N", defaultValue = "1",
      description = "Translations per sentence, as INDEX ||| TRANSLATION ||| SCORE lines when more than 1 (default: ${DEFAULT-VALUE}).")
  int nBest;

  @Option(names = "--batch-tokens", paramLabel = "T", defaultValue = "" + Translator.DEFAULT_BATCH_TOKENS,
      description = "Padded source tokens per search batch (default: ${DEFAULT-VALUE}).")
  int batchTokens;

  @Override
  public Integer call() throws Exception {
    job.run(new TranslationAnswers(beam, nBest, batchTokens), TranslationJob.DEFAULT_WINDOW, "translated", spec.commandLine().getErr());
    return 0;
  }
}
