package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.nlp.align.Lexicon;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.ModelOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <unk>} replacement on a toy pair whose rare words (each in one training pair, so below the vocabularies'
 * {@code min_freq: 2}) translate to rare words: the model learns to write {@code <unk>} where the source has
 * one, and the word-translation table saved with it turns the attended source word into its translation.
 */
class UnkReplacementTest {
  private static final String[] WORDS = {"ka", "lo", "mi", "nu", "pe", "ra", "su", "ti"};
  private static final int RARE = 150;
  @TempDir static Path shared;
  private static Path model;
  @TempDir Path dir;

  @BeforeAll
  static void trainWithRareWords() throws Exception {
    Random random = new Random(3);
    StringBuilder source = new StringBuilder();
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < 1200; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 0, n = 3 + random.nextInt(3); w < n; w++) {
        words.add(WORDS[random.nextInt(WORDS.length)]);
      }
      if (i < RARE) {
        words.set(1, "zq" + i);
      }
      source.append(String.join(" ", words)).append('\n');
      Collections.reverse(words);
      target.append(String.join(" ", words).toUpperCase(Locale.ROOT).replace("ZQ", "W")).append('\n');
    }
    Files.writeString(shared.resolve("train.es"), source);
    Files.writeString(shared.resolve("train.en"), target);
    Files.writeString(shared.resolve("dev.es"), "ka lo mi\nnu pe ra\n");
    Files.writeString(shared.resolve("dev.en"), "MI LO KA\nRA PE NU\n");
    Path file = Files.writeString(shared.resolve("toy.pipe"), ToyTranslation.PIPELINE
        .replace("test_split 0.1", "test_split 0.0").replace("min_freq: 1", "min_freq: 2"));
    model = shared.resolve("run/model");
    try (Pipeline pipeline = Pipelines.load(file, List.of("train.seed=2", "train.epochs=12"))
        .outputDirectory(shared.resolve("run"))) {
      pipeline.run();
    }
  }

  /** Training sentences whose second word is a rare one, the rare word and its translation. */
  private static List<String[]> rareSentences() throws Exception {
    List<String> sources = Files.readAllLines(shared.resolve("train.es"));
    return Stream.of(3, 40, 77, 101, 149).map(i -> new String[] {sources.get(i), "zq" + i, "W" + i}).toList();
  }

  @Test
  void translatesTheAttendedRareWordByTheSavedTable() throws Exception {
    Lexicon lexicon = Lexicon.read(model.resolve(Translator.LEXICON));
    assertThat(lexicon.translate("zq40")).isEqualTo("W40");
    assertThat(lexicon.translate("ka")).isEqualTo("KA");
    assertThat(Files.readString(model.resolve("spec.pipe"))).contains("replace_unk: true, unk_lexicon: true");
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      List<String[]> rare = rareSentences();
      List<String> translations = translator.translate(rare.stream().map(r -> r[0]).toList());
      for (int i = 0; i < rare.size(); i++) {
        assertThat(translations.get(i).split(" ")).as(rare.get(i)[0]).contains(rare.get(i)[2])
            .doesNotContain(rare.get(i)[1], "<unk>");
      }
    }
  }

  /** A model whose search says {@code unk_lexicon: false} copies the attended word, and needs no table. */
  @Test
  void copiesTheAttendedWordWithoutTheTable() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("model"));
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(Translator.LEXICON)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    Path config = copy.resolve(Translator.CONFIG);
    Files.writeString(config, Files.readString(config).replace("\"unkLexicon\" : true", "\"unkLexicon\" : false"));
    try (Translator translator = Translator.load(copy, ModelOptions.DEFAULT)) {
      List<String[]> rare = rareSentences();
      List<String> translations = translator.translate(rare.stream().map(r -> r[0]).toList());
      for (int i = 0; i < rare.size(); i++) {
        assertThat(translations.get(i).split(" ")).as(rare.get(i)[0]).contains(rare.get(i)[1])
            .doesNotContain(rare.get(i)[2]);
      }
    }
  }
}
