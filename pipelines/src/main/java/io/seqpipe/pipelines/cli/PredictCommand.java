package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.OutputLines;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe predict --model DIR [--input FILE]}: one text a line in, {@code label<TAB>probability}
 * a line out, in order; read and predicted in chunks, so input of any size streams through.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Label texts with a saved model: one text per line in (standard input by default), label<TAB>probability out.")
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ModelArguments model;

  @Option(names = "--input", paramLabel = "FILE", description = "Texts, one per line (default: standard input).")
  Path input;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Classifier classifier = model.load(Classifier.class);
        BufferedReader reader = LineFiles.open(input)) {
      List<String> chunk = new ArrayList<>(Classifier.DEFAULT_WINDOW);
      String line;
      while ((line = reader.readLine()) != null) {
        chunk.add(line);
        if (chunk.size() == Classifier.DEFAULT_WINDOW) {
          write(out, classifier.predict(chunk));
          chunk.clear();
        }
      }
      write(out, classifier.predict(chunk));
    }
    return 0;
  }

  private static void write(PrintWriter out, List<Prediction> predictions) {
    for (Prediction prediction : predictions) {
      out.println(OutputLines.prediction(prediction));
    }
    out.flush();
  }
}
