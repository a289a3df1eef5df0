package io.seqpipe.pipelines.translate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.seqpipe.pipelines.run.TaskReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The translation part of {@code report.json}: BLEU and chrF with their sacrebleu signatures for the
 * spec's search and greedy search, the vocabulary sizes, the share of test tokens unseen in training,
 * the model's size, and sample translations.
 *
 * <pre>{@code
 * TranslateReport translate = (TranslateReport) pipeline.run().task();
 * translate.metrics().bleu();
 * }</pre>
 *
 * @param unseenTestTokens the share of test tokens (after the analyzer and subword units) that no training
 *     pair has on that side; null when the test set was not evaluated
 * @param parameters the model's parameter count
 * @param samples the first test sentences with their translations; null when the test set was not evaluated
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranslateReport(Metrics metrics, VocabularySizes vocabularySize, Unseen unseenTestTokens, long parameters,
    List<Sample> samples)
    implements TaskReport {

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "dev   BLEU (greedy) %.2f", metrics.devBleuGreedy()));
    if (metrics.bleu() != null) {
      lines.add("test  " + metrics.bleuVerbose());
      lines.add(String.format(Locale.ROOT, "test  %s = %.2f", metrics.chrfSignature(), metrics.chrf()));
      lines.add(String.format(Locale.ROOT, "test  greedy: BLEU %.2f, chrF %.2f", metrics.bleuGreedy(), metrics.chrfGreedy()));
    }
    return lines;
  }

  /**
   * Test scores (null when the test set was not evaluated) and the best dev BLEU of greedy search.
   *
   * @param bleuVerbose BLEU as sacrebleu prints it (signature, score, n-gram precisions, brevity penalty)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metrics(Double bleu, Double chrf, Double bleuGreedy, Double chrfGreedy, Search search,
      String bleuSignature, String chrfSignature, String bleuVerbose, double devBleuGreedy) {}

  /** The search the test translations used. */
  public record Search(int beam, double alpha) {}

  public record VocabularySizes(int source, int target) {}

  /** Shares (0 to 1) of tokens on each side. */
  public record Unseen(double source, double target) {}

  /** A test sentence, its reference, and its translations with the spec's search and greedy. */
  public record Sample(String source, String reference, String hypothesis, String greedy) {}
}
