package io.seqpipe.nlp.data;

import io.seqpipe.nlp.InputFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled texts from a file.
 *
 * <pre>{@code
 * ClassificationReader reader = ClassificationReader.forFile(Path.of("train.tsv"), "text", "label");
 * List<ClassificationExample> train = reader.read(Path.of("train.tsv"));
 * }</pre>
 */
public interface ClassificationReader {

  /**
   * All examples of {@code file}, in file order.
   *
   * @throws InputFormatException for a malformed row (naming its line) or a file with no examples
   */
  List<ClassificationExample> read(Path file) throws IOException;

  /**
   * The reader for {@code file}'s extension: {@code .tsv}, {@code .csv} (both with a header row) or
   * {@code .jsonl}/{@code .json} (one object a line).
   */
  static ClassificationReader forFile(Path file, String textField, String labelField) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return DelimitedReader.tsv(textField, labelField);
    }
    if (name.endsWith(".csv")) {
      return DelimitedReader.csv(textField, labelField);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
      return new JsonLinesReader(textField, labelField);
    }
    throw new InputFormatException(file,
        "expected a .tsv, .csv or .jsonl file, cannot tell the format from the name");
  }
}
