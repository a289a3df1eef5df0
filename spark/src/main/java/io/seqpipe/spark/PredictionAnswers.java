package io.seqpipe.spark;

import io.seqpipe.pipelines.OutputLines;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.model.TrainedModel;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Labels as {@code seqpipe predict} gives them: {@code LABEL<TAB>PROBABILITY} lines, or {@code label} and
 * {@code probability} columns.
 *
 * <pre>{@code
 * new PredictionAnswers().lines(classifier, 0, List.of("Great phone."), 1);   // ["positive\t0.973412"]
 * }</pre>
 */
record PredictionAnswers() implements Answers {
  @Override
  public Class<Classifier> kind() {
    return Classifier.class;
  }

  @Override
  public void check(TrainedModel model) {
    // a classifier takes no settings
  }

  @Override
  public List<String> lines(TrainedModel model, long firstIndex, List<String> texts, int threads) {
    return predictions(model, texts).stream().map(OutputLines::prediction).toList();
  }

  @Override
  public List<StructField> columns() {
    return List.of(DataTypes.createStructField("label", DataTypes.StringType, false),
        DataTypes.createStructField("probability", DataTypes.DoubleType, false));
  }

  @Override
  public List<Object[]> values(TrainedModel model, List<String> texts, int threads) {
    return predictions(model, texts).stream().map(p -> new Object[] {p.label(), p.probability()}).toList();
  }

  private static List<Prediction> predictions(TrainedModel model, List<String> texts) {
    return ((Classifier) model).predict(texts);
  }
}
