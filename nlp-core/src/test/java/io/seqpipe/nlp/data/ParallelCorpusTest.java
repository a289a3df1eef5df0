package io.seqpipe.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {

  @Test
  void readsAPrefixWithLanguageSuffixes() throws Exception {
    Path prefix = SharedData.path("data/translation/ding-de-en").resolve("train");
    List<ParallelExample> pairs = ParallelCorpus.of(prefix, "de", "en").read();
    assertThat(pairs).hasSize(16570);
    assertThat(pairs.get(1)).isEqualTo(new ParallelExample(
        "Es gibt sie in den unterschiedlichsten Varianten.", "They come in all shapes and sizes.", 2));
  }

  @Test
  void misalignedFilesNameBothFilesAndCounts(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("train.es"), "uno\ndos\ntres\n");
    Files.writeString(dir.resolve("train.en"), "one\ntwo\n");
    ParallelCorpus corpus = ParallelCorpus.of(dir.resolve("train"), "es", "en");
    assertThatThrownBy(corpus::read).isInstanceOf(InputFormatException.class)
        .hasMessage(dir.resolve("train.es") + ":3: not aligned with " + dir.resolve("train.en")
            + ": 3 lines against 2");
    Files.writeString(dir.resolve("train.en"), "one\ntwo\nthree\nfour\nfive\n");
    assertThatThrownBy(corpus::read).hasMessageEndingWith(": 3 lines against 5");
  }

  @Test
  void emptyFilesAreRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.de"), "");
    Files.writeString(dir.resolve("x.en"), "");
    assertThatThrownBy(ParallelCorpus.of(dir.resolve("x"), "de", "en")::read)
        .hasMessage(dir.resolve("x.de") + ": expected sentence pairs, found empty files");
  }

  @Test
  void lengthFilter() {
    LengthFilter filter = new LengthFilter(1, 3);
    assertThat(filter.accepts(0)).isFalse();
    assertThat(filter.accepts(3)).isTrue();
    assertThat(filter.accepts(4)).isFalse();
    assertThat(LengthFilter.nonEmpty().accepts(10_000)).isTrue();
    assertThatThrownBy(() -> new LengthFilter(5, 2)).hasMessageContaining("minTokens <= maxTokens");
  }
}
