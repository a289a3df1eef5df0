package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.data.ClassificationReader;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe evaluate --model DIR --data FILE}: a saved model's scores on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Score a saved model on a labelled file (TSV, CSV or JSON lines): accuracy, P/R/F1 per label and averaged.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelArguments model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled examples.")
  Path data;

  @Option(names = "--text", paramLabel = "FIELD", description = "Text column or field (default: the one trained on).")
  String text;

  @Option(names = "--label", paramLabel = "FIELD", description = "Label column or field (default: the one trained on).")
  String label;

  @Option(names = "--json", description = "Print the metrics as JSON.")
  boolean json;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    try (Classifier classifier = model.load(Classifier.class)) {
      Map<String, Object> fields = (Map<String, Object>) classifier.handle().manifest().getOrDefault("fields", Map.of());
      String textField = text != null ? text : (String) fields.getOrDefault("text", "text");
      String labelField = label != null ? label : (String) fields.getOrDefault("label", "label");
      List<ClassificationExample> examples = ClassificationReader.forFile(data, textField, labelField).read(data);
      if (examples.isEmpty()) {
        throw new InputFormatException(data, "expected labelled examples, found none");
      }
      Evaluation evaluation = Evaluation.of(classifier, examples);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(evaluation.metrics()));
      } else {
        out.print(evaluation.report().format());
      }
    }
    return 0;
  }
}
