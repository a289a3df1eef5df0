package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.metrics.ConfusionMatrix;
import io.seqpipe.nlp.metrics.LabelScores;
import io.seqpipe.nlp.metrics.PairedBootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe score f1}: per-label precision, recall, F1 and their averages (scikit-learn's). */
@Command(name = "f1", mixinStandardHelpOptions = true,
    description = "Accuracy, per-label P/R/F1 and macro/micro/weighted averages, as scikit-learn computes them.")
final class F1Command implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, description = "True labels, one a line.")
  Path gold;

  @Option(names = "--pred", required = true,
      description = "Predicted labels, one a line (repeat with --paired-bs to compare systems; the first is the baseline).")
  List<Path> predicted;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Mixin PairedBootstrapOptions pairedBootstrap;

  @Override
  public Integer call() throws Exception {
    pairedBootstrap.requireFor("--pred", predicted.size());
    List<String> goldLabels = labels(gold);
    List<List<String>> systems = new ArrayList<>();
    for (Path file : predicted) {
      List<String> labels = labels(file);
      LineFiles.requireAligned(gold, goldLabels, file, labels);
      systems.add(labels);
    }
    if (pairedBootstrap.enabled) {
      List<PairedBootstrap.Scorer> scorers = systems.stream().map(s -> macroF1(goldLabels, s)).toList();
      pairedBootstrap.print(spec.commandLine().getOut(), "macro-F1", predicted, scorers, goldLabels.size(), 4, json);
      return 0;
    }
    ClassificationReport report = ClassificationReport.of(goldLabels, systems.get(0));
    spec.commandLine().getOut().print(json ? Json.write(asJson(report)) + "\n" : report.format());
    return 0;
  }

  /** Macro-F1 of a resample of the labelled items. */
  private static PairedBootstrap.Scorer macroF1(List<String> gold, List<String> predicted) {
    return items -> {
      List<String> g = new ArrayList<>(items.length);
      List<String> p = new ArrayList<>(items.length);
      for (int item : items) {
        g.add(gold.get(item));
        p.add(predicted.get(item));
      }
      return ClassificationReport.of(g, p).macro().f1();
    };
  }

  private static List<String> labels(Path file) throws IOException {
    List<String> lines = LineFiles.read(file);
    List<String> labels = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String label = lines.get(i).strip();
      if (label.isEmpty()) {
        throw new InputFormatException(file, i + 1, 1, "expected a label, found an empty line");
      }
      labels.add(label);
    }
    if (labels.isEmpty()) {
      throw new InputFormatException(file, "expected labels, found an empty file");
    }
    return labels;
  }

  private static Map<String, Object> asJson(ClassificationReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", report.accuracy());
    Map<String, Object> labels = new LinkedHashMap<>();
    for (LabelScores scores : report.perLabel()) {
      labels.put(scores.label(), scores(scores));
    }
    out.put("labels", labels);
    out.put("macro", scores(report.macro()));
    out.put("micro", scores(report.micro()));
    out.put("weighted", scores(report.weighted()));
    ConfusionMatrix matrix = report.confusionMatrix();
    List<List<Long>> rows = new ArrayList<>();
    for (int r = 0; r < matrix.labels().size(); r++) {
      List<Long> row = new ArrayList<>();
      for (int c = 0; c < matrix.labels().size(); c++) {
        row.add(matrix.count(r, c));
      }
      rows.add(row);
    }
    out.put("confusion_matrix", Map.of("labels", matrix.labels(), "rows_true_columns_predicted", rows));
    return out;
  }

  private static Map<String, Object> scores(LabelScores scores) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("precision", scores.precision());
    out.put("recall", scores.recall());
    out.put("f1", scores.f1());
    out.put("support", scores.support());
    return out;
  }
}
