package io.seqpipe.nlp.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled texts from JSON lines: one object a line, text and label taken from the named fields.
 *
 * <pre>{@code
 * // {"id": "1", "label": "spam", "text": "WIN A PRIZE"}
 * List<ClassificationExample> rows = new JsonLinesReader("text", "label").read(Path.of("train.jsonl"));
 * }</pre>
 */
public final class JsonLinesReader implements ClassificationReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String textField;
  private final String labelField;

  public JsonLinesReader(String textField, String labelField) {
    this.textField = textField;
    this.labelField = labelField;
  }

  @Override
  public List<ClassificationExample> read(Path file) throws IOException {
    List<ClassificationExample> examples = new ArrayList<>();
    try (BufferedReader reader = Utf8Reader.open(file)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = parse(file, number, line);
        String text = field(file, number, row, textField);
        String label = field(file, number, row, labelField);
        examples.add(new ClassificationExample(text, label.strip(), number));
      }
    }
    if (examples.isEmpty()) {
      throw new InputFormatException(file, 1, 1, "expected JSON lines with examples, found none");
    }
    return examples;
  }

  private static JsonNode parse(Path file, long number, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new InputFormatException(file, number, 1, "expected a JSON object on this line");
      }
      return node;
    } catch (JsonProcessingException e) {
      long column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new InputFormatException(file, number, column, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static String field(Path file, long number, JsonNode row, String name) {
    JsonNode value = row.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new InputFormatException(file, number, 1, "expected a field \"" + name + "\" with a text value");
    }
    return value.asText();
  }
}
