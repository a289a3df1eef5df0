package io.seqpipe.pipelines.classify;

import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.metrics.ClassificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's predictions on labelled examples and their scores (scikit-learn's definitions).
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluation.of(classifier, examples);
 * double f1 = evaluation.report().macro().f1();
 * ClassificationScores scores = evaluation.metrics();
 * }</pre>
 */
public record Evaluation(List<ClassificationExample> examples, List<Prediction> predictions,
    ClassificationReport report) {

  public static Evaluation of(Classifier classifier, List<ClassificationExample> examples) {
    return of(classifier, examples, classifier.analysis().tokens(examples.stream().map(ClassificationExample::text).toList()));
  }

  static Evaluation of(Classifier classifier, List<ClassificationExample> examples, List<List<String>> tokens) {
    List<Prediction> predictions = classifier.predictTokens(tokens);
    ClassificationReport report = ClassificationReport.of(examples.stream().map(ClassificationExample::label).toList(),
        predictions.stream().map(Prediction::label).toList());
    return new Evaluation(List.copyOf(examples), List.copyOf(predictions), report);
  }

  /** accuracy, the f1 averages, macro precision and recall, and per-label scores, as reports write them. */
  public ClassificationScores metrics() {
    return ClassificationScores.of(report);
  }

  /** Up to {@code limit} wrongly labelled examples, the most confidently wrong first. */
  public List<ClassifyReport.Example> misclassified(int limit) {
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (!examples.get(i).label().equals(predictions.get(i).label())) {
        wrong.add(i);
      }
    }
    wrong.sort((a, b) -> Double.compare(predictions.get(b).probability(), predictions.get(a).probability()));
    List<ClassifyReport.Example> out = new ArrayList<>();
    for (int i : wrong.subList(0, Math.min(limit, wrong.size()))) {
      Prediction p = predictions.get(i);
      ClassificationExample example = examples.get(i);
      out.add(new ClassifyReport.Example(example.line(), example.text(), example.label(), p.label(), p.probability(),
          p.tokens(), p.attention()));
    }
    return out;
  }
}
