package io.seqpipe.nlp.data;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Labelled texts from TSV or CSV with a header row; the text and label columns are chosen by name.
 *
 * <pre>{@code
 * List<ClassificationExample> rows = DelimitedReader.tsv("text", "label").read(Path.of("train.tsv"));
 * }</pre>
 *
 * <p>TSV is read without quoting (a tab ends a field, a newline a row); CSV follows RFC 4180 quoting.
 * Text is read through {@link Utf8Reader}: a byte order mark is skipped, bad UTF-8 and over-long lines
 * fail naming their line.
 */
public final class DelimitedReader implements ClassificationReader {
  private final CSVFormat format;
  private final String textColumn;
  private final String labelColumn;

  private DelimitedReader(CSVFormat format, String textColumn, String labelColumn) {
    this.format = format;
    this.textColumn = textColumn;
    this.labelColumn = labelColumn;
  }

  public static DelimitedReader tsv(String textColumn, String labelColumn) {
    CSVFormat tsv = CSVFormat.Builder.create().setDelimiter('\t').setQuote(null)
        .setRecordSeparator('\n').setIgnoreEmptyLines(true).build();
    return new DelimitedReader(tsv, textColumn, labelColumn);
  }

  public static DelimitedReader csv(String textColumn, String labelColumn) {
    return new DelimitedReader(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build(),
        textColumn, labelColumn);
  }

  @Override
  public List<ClassificationExample> read(Path file) throws IOException {
    try (Reader reader = Utf8Reader.open(file);
        CSVParser parser = format.parse(reader)) {
      try {
        return read(file, parser);
      } catch (UncheckedIOException e) {
        throw new InputFormatException(file, parser.getCurrentLineNumber(), 1,
            "malformed row: " + Quote.of(e.getCause().getMessage()));
      }
    }
  }

  private List<ClassificationExample> read(Path file, CSVParser parser) {
    Iterator<CSVRecord> rows = parser.iterator();
    if (!rows.hasNext()) {
      throw new InputFormatException(file, 1, 1, "expected a header row, found an empty file");
    }
    CSVRecord header = rows.next();
    List<String> names = header.toList();
    int text = column(file, names, textColumn);
    int label = column(file, names, labelColumn);
    List<ClassificationExample> examples = new ArrayList<>();
    while (rows.hasNext()) {
      CSVRecord row = rows.next();
      long line = parser.getCurrentLineNumber();
      if (row.size() != names.size()) {
        throw new InputFormatException(file, line, 1,
            "expected " + names.size() + " fields (" + Quote.of(String.join(", ", names)) + "), found " + row.size());
      }
      if (row.get(label).isBlank()) {
        throw new InputFormatException(file, line, 1, "expected a label in column '" + labelColumn + "', found none");
      }
      examples.add(new ClassificationExample(row.get(text), row.get(label).strip(), line));
    }
    if (examples.isEmpty()) {
      throw new InputFormatException(file, 2, 1, "expected at least one example after the header, found none");
    }
    return examples;
  }

  private static int column(Path file, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InputFormatException(file, 1, 1,
          "expected a column '" + name + "'; the header has: " + Quote.of(String.join(", ", header)));
    }
    return index;
  }
}
