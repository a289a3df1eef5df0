package io.seqpipe.pipelines.classify;

import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.metrics.LabelScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's predictions on labelled examples and their scores (scikit-learn's definitions).
 *
 * <pre>{@code
 * Evaluation evaluation = Evaluation.of(classifier, examples);
 * double f1 = evaluation.report().macro().f1();
 * Map<String, Object> json = evaluation.metrics();
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
  public Map<String, Object> metrics() {
    return metrics(report);
  }

  static Map<String, Object> metrics(ClassificationReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", report.accuracy());
    out.put("f1_macro", report.macro().f1());
    out.put("f1_micro", report.micro().f1());
    out.put("f1_weighted", report.weighted().f1());
    out.put("precision_macro", report.macro().precision());
    out.put("recall_macro", report.macro().recall());
    Map<String, Object> perLabel = new LinkedHashMap<>();
    for (LabelScores scores : report.perLabel()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("precision", scores.precision());
      row.put("recall", scores.recall());
      row.put("f1", scores.f1());
      row.put("support", scores.support());
      perLabel.put(scores.label(), row);
    }
    out.put("per_label", perLabel);
    return out;
  }

  /** Up to {@code limit} wrongly labelled examples, the most confidently wrong first. */
  public List<Map<String, Object>> misclassified(int limit) {
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (!examples.get(i).label().equals(predictions.get(i).label())) {
        wrong.add(i);
      }
    }
    wrong.sort((a, b) -> Double.compare(predictions.get(b).probability(), predictions.get(a).probability()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i : wrong.subList(0, Math.min(limit, wrong.size()))) {
      Prediction p = predictions.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("line", examples.get(i).line());
      row.put("text", examples.get(i).text());
      row.put("gold", examples.get(i).label());
      row.put("predicted", p.label());
      row.put("probability", p.probability());
      row.put("tokens", p.tokens());
      row.put("attention", p.attention());
      out.add(row);
    }
    return out;
  }
}
