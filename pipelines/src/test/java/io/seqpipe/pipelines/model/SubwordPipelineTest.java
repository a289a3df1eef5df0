package io.seqpipe.pipelines.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.subword.SentencePiece;
import io.seqpipe.nlp.io.Directories;
import io.seqpipe.nlp.subword.BpeCodes;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.translate.ToyTranslation;
import io.seqpipe.pipelines.translate.Translation;
import io.seqpipe.pipelines.translate.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code subword bpe(...)} and {@code subword sentencepiece(...)} in both kinds of pipeline: learned or read,
 * recorded, carried by the model, applied after a move.
 */
class SubwordPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A unigram SentencePiece model that spm_train learned from Bible verses (see its README). */
  private static final Path SPM_MODEL = Path.of("..", "models", "src", "test", "resources", "sentencepiece",
      "bible-unigram.model");

  @Test
  void aTranslatorTrainedOnBpeTranslatesIdenticallyAfterBeingMoved(@TempDir Path dir) throws Exception {
    Path out = trainMoveAndTranslate(dir, "bpe(merges: 4, joint: false)", piece -> piece.endsWith("@@"));
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/subword/name").asText()).isEqualTo("bpe");
    assertThat(report.at("/subword/params/merges").asInt()).isEqualTo(4);
    Path moved = dir.resolve("elsewhere/model");
    assertThat(Files.readString(moved.resolve("spec.pipe"))).contains(
        "subword bpe(joint: false, merges: 4, min_freq: 2, source: true, target: true)");
    assertThat(BpeCodes.read(moved.resolve("source.bpe")).size()).isEqualTo(4);
    assertThat(BpeCodes.read(moved.resolve("target.bpe")).merges().get(0)[0]).isUpperCase();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"bpe(merges: 4, target: false) | source.bpe | target.bpe | @@",
      "sentencepiece(target: \"spm.model\") | target.model | source.model | \u2581"})
  void subwordUnitsOnOneSideLeaveTheOtherWhole(String subword, String kept, String absent, String marker,
      @TempDir Path dir) throws Exception {
    boolean source = kept.startsWith("source");
    trainMoveAndTranslate(dir, subword, source ? piece -> piece.endsWith(marker) : piece -> !piece.contains(marker));
    Path moved = dir.resolve("elsewhere/model");
    assertThat(moved.resolve(kept)).exists();
    assertThat(moved.resolve(absent)).doesNotExist();
    List<String> sourceWords = Files.readAllLines(moved.resolve("source-vocabulary.txt"));
    List<String> targetWords = Files.readAllLines(moved.resolve("target-vocabulary.txt"));
    assertThat(source ? targetWords : sourceWords).as("the whole side's vocabulary").noneMatch(w -> w.contains(marker));
    assertThat(source ? sourceWords : targetWords).as("the split side's vocabulary").anyMatch(w -> w.contains(marker));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sentencepiece(\"spm.model\")                               | sentencepiece(model: \"spm.model\")",
      "sentencepiece(source: \"spm.model\", target: \"spm.model\") | sentencepiece(source: \"spm.model\", target: \"spm.model\")"})
  void aTranslatorTrainedOnSentencePieceTranslatesIdenticallyAfterBeingMoved(String subword, String resolved,
      @TempDir Path dir) throws Exception {
    Path out = trainMoveAndTranslate(dir, subword, piece -> piece.startsWith(SentencePiece.WORD_START));
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/subword/name").asText()).isEqualTo("sentencepiece");
    Path moved = dir.resolve("elsewhere/model");
    assertThat(JSON.readTree(moved.resolve("manifest.json").toFile()).at("/subword").toString())
        .isEqualTo(report.at("/subword").toString());
    assertThat(Files.readString(moved.resolve("spec.pipe"))).contains("subword " + resolved);
    assertThat(moved.resolve("source.model")).hasSameBinaryContentAs(SPM_MODEL);
    assertThat(moved.resolve("target.model")).hasSameBinaryContentAs(SPM_MODEL);
  }

  /**
   * Trains the toy translator with {@code subword} (a SentencePiece model is {@code spm.model} beside the
   * pipeline), deletes the project, moves the model directory to {@code dir/elsewhere/model} and checks that
   * it translates as before, in whole words; returns the run directory.
   */
  private static Path trainMoveAndTranslate(Path dir, String subword, Predicate<String> piece) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path file = ToyTranslation.write(project);
    Files.copy(SPM_MODEL, project.resolve("spm.model"));
    Path out = dir.resolve("run");
    List<String> sentences = ToyTranslation.sources(12, 9).lines().toList();
    List<Translation> trained;
    try (Pipeline pipeline = Pipelines.load(file, List.of("train.epochs=2", "subword=" + subword))
        .outputDirectory(out)) {
      pipeline.run();
      Translator translator = pipeline.model(Translator.class);
      trained = translator.predict(sentences);
      assertThat(translator.tokens(sentences.get(0))).as("the model reads pieces").anyMatch(piece);
    }
    Directories.deleteTree(project);
    Path moved = dir.resolve("elsewhere/model");
    Files.createDirectories(moved.getParent());
    Files.move(out.resolve("model"), moved);
    try (Translator loaded = Pipelines.loadModel(moved, ModelOptions.DEFAULT, Translator.class)) {
      List<Translation> again = loaded.predict(sentences);
      assertThat(again).extracting(Translation::text).isEqualTo(trained.stream().map(Translation::text).toList());
      assertThat(again).allSatisfy(t -> assertThat(t.text()).doesNotContain("@@", SentencePiece.WORD_START));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"bpe(merges: 30) | @@", "sentencepiece(\"spm.model\") | \u2581"})
  void aClassifierSplitsItsTextsIntoTheSamePiecesOnceLoaded(String subword, String marker, @TempDir Path dir)
      throws Exception {
    Path file = ToyData.write(dir);
    Files.copy(SPM_MODEL, dir.resolve("spm.model"));
    Path out = dir.resolve("run");
    List<String> texts = List.of("the phone was superb", "it is broken and dreadful");
    List<Prediction> trained;
    try (Pipeline pipeline = Pipelines.load(file, List.of("train.epochs=2", "subword=" + subword))
        .outputDirectory(out)) {
      pipeline.train();
      trained = pipeline.model(Classifier.class).predict(texts);
    }
    assertThat(trained.get(0).tokens()).anyMatch(p -> p.contains(marker));
    try (Classifier loaded = Pipelines.loadModel(out.resolve("model"), ModelOptions.DEFAULT, Classifier.class)) {
      assertThat(loaded.predict(texts)).isEqualTo(trained);
    }
  }
}
