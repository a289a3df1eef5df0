package io.seqpipe.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationReaderTest {

  @Test
  void readsTheSentimentTsv() throws Exception {
    Path train = SharedData.path("data/sentiment/uci-sentences/train.tsv");
    List<ClassificationExample> rows = ClassificationReader.forFile(train, "text", "label").read(train);
    assertThat(rows).hasSize(2396);
    assertThat(rows.get(0)).isEqualTo(new ClassificationExample(
        "So there is no way for me to plug it in here in the US unless I go by a converter.", "negative", 2));
    assertThat(rows.stream().map(ClassificationExample::label).collect(Collectors.toSet()))
        .isEqualTo(Set.of("negative", "positive"));
  }

  @Test
  void readsTheSpamJsonLines() throws Exception {
    Path train = SharedData.path("data/classification/spam-assassin/train.jsonl");
    List<ClassificationExample> rows = ClassificationReader.forFile(train, "text", "label").read(train);
    assertThat(rows).hasSize(4799);
    assertThat(rows.get(0).text()).startsWith("Re: New Sequences Window");
    assertThat(rows.stream().map(ClassificationExample::label).collect(Collectors.toSet()))
        .isEqualTo(Set.of("ham", "spam"));
  }

  @Test
  void csvWithQuotedFieldsSpanningLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "label,text\npos,\"good, really\"\nneg,\"two\nlines\"\npos,fine\n");
    List<ClassificationExample> rows = DelimitedReader.csv("text", "label").read(file);
    assertThat(rows).extracting(ClassificationExample::text).containsExactly("good, really", "two\nlines", "fine");
    assertThat(rows).extracting(ClassificationExample::line).containsExactly(2L, 4L, 5L);
  }

  @Test
  void tsvKeepsQuotesAsText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.tsv");
    Files.writeString(file, "text\tlabel\nShe said \"hi\tpos\n");
    assertThat(DelimitedReader.tsv("text", "label").read(file).get(0).text()).isEqualTo("She said \"hi");
  }

  @Test
  void missingColumnNamesTheHeader(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.tsv");
    Files.writeString(file, "label\tsentence\npos\tok\n");
    assertThatThrownBy(() -> DelimitedReader.tsv("text", "label").read(file))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(file + ":1:1: expected a column 'text'; the header has: label, sentence");
  }

  @Test
  void rowWithWrongFieldCount(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.tsv");
    Files.writeString(file, "label\ttext\npos\tok\nneg\n");
    assertThatThrownBy(() -> DelimitedReader.tsv("text", "label").read(file))
        .hasMessage(file + ":3:1: expected 2 fields (label, text), found 1");
  }

  @Test
  void emptyLabelAndEmptyFiles(@TempDir Path dir) throws Exception {
    Path noLabel = dir.resolve("a.tsv");
    Files.writeString(noLabel, "label\ttext\n \tok\n");
    assertThatThrownBy(() -> DelimitedReader.tsv("text", "label").read(noLabel))
        .hasMessage(noLabel + ":2:1: expected a label in column 'label', found none");
    Path headerOnly = dir.resolve("b.tsv");
    Files.writeString(headerOnly, "label\ttext\n");
    assertThatThrownBy(() -> DelimitedReader.tsv("text", "label").read(headerOnly))
        .hasMessage(headerOnly + ":2:1: expected at least one example after the header, found none");
    Path empty = dir.resolve("c.tsv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> DelimitedReader.tsv("text", "label").read(empty))
        .hasMessage(empty + ":1:1: expected a header row, found an empty file");
  }

  @Test
  void malformedJsonIsLocated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"oops\" \"label\": \"b\"}\n");
    assertThatThrownBy(() -> new JsonLinesReader("text", "label").read(file))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(file + ":2:17: malformed JSON: Unexpected character");
    Path missing = dir.resolve("missing.jsonl");
    Files.writeString(missing, "{\"body\": \"x\", \"label\": \"a\"}\n");
    assertThatThrownBy(() -> new JsonLinesReader("text", "label").read(missing))
        .hasMessage(missing + ":1:1: expected a field \"text\" with a text value");
    Path array = dir.resolve("array.jsonl");
    Files.writeString(array, "[1, 2]\n");
    assertThatThrownBy(() -> new JsonLinesReader("text", "label").read(array))
        .hasMessage(array + ":1:1: expected a JSON object on this line");
  }

  @Test
  void unknownExtension() {
    Path file = Path.of("data.xlsx");
    assertThatThrownBy(() -> ClassificationReader.forFile(file, "text", "label"))
        .hasMessage("data.xlsx: expected a .tsv, .csv or .jsonl file, cannot tell the format from the name");
  }
}
