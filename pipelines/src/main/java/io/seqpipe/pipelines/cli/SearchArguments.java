package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.translate.Translator;
import picocli.CommandLine.Option;

/**
 * {@code --beam}, {@code --n-best}, {@code --alpha} and {@code --batch-tokens}, as the commands that translate files take
 * them ({@code seqpipe translate}, {@code seqpipe spark translate}).
 *
 * <pre>{@code
 * @Mixin SearchArguments search;
 * SearchSettings settings = translator.settings(search.inference());
 * }</pre>
 */
public final class SearchArguments {
  @Option(names = "--beam", paramLabel = "K", description = "Beam size; 1 is greedy (default: the model's search).")
  Integer beam;

  @Option(names = "--n-best", paramLabel = "N", defaultValue = "1",
      description = "Translations per sentence, as INDEX ||| TRANSLATION ||| SCORE lines when more than 1 (default: ${DEFAULT-VALUE}).")
  int nBest;

  @Option(names = "--alpha", paramLabel = "A",
      description = "Length penalty: beams ranked by log-probability / ((5 + length) / 6)^A; higher favours longer translations (default: the model's search).")
  Double alpha;

  @Option(names = "--batch-tokens", paramLabel = "T", defaultValue = "" + Translator.DEFAULT_BATCH_TOKENS,
      description = "Padded source tokens per search batch (default: ${DEFAULT-VALUE}).")
  int batchTokens;

  /** The beam, n-best list and length penalty asked for (the model's search where one is not given). */
  public Inference inference() {
    return new Inference(beam, nBest, alpha);
  }

  public int batchTokens() {
    return batchTokens;
  }
}
