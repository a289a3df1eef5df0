package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.translate.TranslationJob;
import io.seqpipe.pipelines.translate.Translator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe translate --model DIR [--model DIR2 ...] --input FILE --output FILE [--beam K] [--n-best N]
 * [--batch-tokens T] [--threads N]}: a batch translation job (see {@link TranslationJob}), searching N batches
 * side by side; started again after a kill with the same arguments, it continues where it stopped. Several
 * models translate as an ensemble that averages their probabilities at each step ({@link
 * Translator#ensemble}); they must share the target vocabulary.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = "Translate a file with a saved model, one sentence per line; resumes a killed job run with the same arguments.")
final class TranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "The model directory (runs/NAME/model); repeated, an ensemble of models sharing a target vocabulary.")
  List<Path> models;

  @Mixin EngineArguments engine;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Source sentences, one per line.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "Translations, one per line in input order (n-best: INDEX ||| TRANSLATION ||| SCORE lines).")
  Path output;

  @Mixin SearchArguments search;

  @Option(names = "--window", paramLabel = "LINES", defaultValue = "" + TranslationJob.DEFAULT_WINDOW,
      description = "Lines read and sorted by length together; memory grows with it (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--threads", paramLabel = "N",
      description = "Batches searched side by side, each on its share of the engine's threads (PyTorch engine; MXNet searches one batch at a time; default: the number of cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    try (Translator translator = Pipelines.loadEnsemble(models, ModelOptions.of(engine.engine, engine.device))) {
      TranslationJob.Summary summary = new TranslationJob(translator, translator.settings(search.inference()),
          search.batchTokens(), window, threads != null ? threads : Runtime.getRuntime().availableProcessors())
          .run(input, output);
      spec.commandLine().getErr().println(String.format(Locale.ROOT,
          "translated %d sentences%s in %.1f s (%.1f sentences/s)%s -> %s", summary.translated(),
          translator.members() > 1 ? " with an ensemble of " + translator.members() + " models" : "", summary.seconds(),
          summary.translated() / Math.max(summary.seconds(), 1e-9),
          summary.resumedFrom() > 0 ? ", resumed after " + summary.resumedFrom() : "", output));
    }
    return 0;
  }
}
