package io.seqpipe.spark;

import io.seqpipe.pipelines.OutputLines;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.translate.Translation;
import io.seqpipe.pipelines.translate.Translator;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Translations as {@code seqpipe translate} makes them: the same search settings, sorted by length into
 * batches of at most {@code batchTokens} padded source tokens and searched on up to the executor's cores side by
 * side, which the executor's tasks share ({@link ModelPartitions}); in tables, the best translation and its
 * score.
 *
 * <pre>{@code
 * new TranslationAnswers(new Inference(5, 2), 1500).lines(translator, 40, texts, 2);   // "40 ||| ... ||| -0.4123", ...
 * }</pre>
 *
 * @param inference the beam, n-best list and length penalty; null fields take the model's search
 * @param batchTokens padded source tokens per search batch
 */
record TranslationAnswers(Inference inference, int batchTokens) implements Answers {
  TranslationAnswers {
    if (batchTokens < 1) {
      throw new IllegalArgumentException("--batch-tokens must be >= 1, got " + batchTokens);
    }
  }

  @Override
  public Class<Translator> kind() {
    return Translator.class;
  }

  @Override
  public void check(TrainedModel model) {
    settings(model);
  }

  @Override
  public List<String> lines(TrainedModel model, long firstIndex, List<String> texts, int threads) {
    List<List<Translation>> translations = translations(model, texts, threads);
    int nBest = settings(model).nBest();
    List<String> lines = new ArrayList<>(texts.size() * nBest);
    for (int i = 0; i < translations.size(); i++) {
      lines.addAll(OutputLines.translation(firstIndex + i, translations.get(i), nBest));
    }
    return lines;
  }

  @Override
  public List<StructField> columns() {
    return List.of(DataTypes.createStructField("translation", DataTypes.StringType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false));
  }

  @Override
  public List<Object[]> values(TrainedModel model, List<String> texts, int threads) {
    return translations(model, texts, threads).stream()
        .map(nBest -> new Object[] {nBest.get(0).text(), nBest.get(0).score()}).toList();
  }

  private List<List<Translation>> translations(TrainedModel model, List<String> texts, int threads) {
    return ((Translator) model).translations(texts, settings(model), batchTokens, threads);
  }

  private SearchSettings settings(TrainedModel model) {
    return ((Translator) model).settings(inference);
  }
}
