package io.seqpipe.pipelines.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subword bpe(...)} in both kinds of pipeline: learned, recorded, carried by the model, applied after a move. */
class SubwordPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTranslatorTrainedOnBpeTranslatesIdenticallyAfterBeingMoved(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path file = ToyTranslation.write(project);
    Path out = dir.resolve("run");
    List<String> sentences = ToyTranslation.sources(12, 9).lines().toList();
    List<Translation> trained;
    try (Pipeline pipeline = Pipelines.load(file, List.of("train.epochs=2", "subword=bpe(merges: 4, joint: false)"))
        .outputDirectory(out)) {
      pipeline.run();
      Translator translator = pipeline.model(Translator.class);
      trained = translator.predict(sentences);
      assertThat(translator.tokens(sentences.get(0))).as("the model reads pieces").anyMatch(p -> p.endsWith("@@"));
    }
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/subword/name").asText()).isEqualTo("bpe");
    assertThat(report.at("/subword/params/merges").asInt()).isEqualTo(4);
    assertThat(Files.readString(out.resolve("model/spec.pipe"))).contains("subword bpe(joint: false, merges: 4, min_freq: 2)");
    assertThat(BpeCodes.read(out.resolve("model/source.bpe")).size()).isEqualTo(4);
    assertThat(BpeCodes.read(out.resolve("model/target.bpe")).merges().get(0)[0]).isUpperCase();

    Directories.deleteTree(project);
    Path moved = dir.resolve("elsewhere/model");
    Files.createDirectories(moved.getParent());
    Files.move(out.resolve("model"), moved);
    try (Translator loaded = Pipelines.loadModel(moved, ModelOptions.DEFAULT, Translator.class)) {
      List<Translation> again = loaded.predict(sentences);
      assertThat(again).extracting(Translation::text).isEqualTo(trained.stream().map(Translation::text).toList());
      assertThat(again).allSatisfy(t -> assertThat(t.text()).doesNotContain("@@"));
    }
  }

  @Test
  void aClassifierSplitsItsTextsIntoTheSamePiecesOnceLoaded(@TempDir Path dir) throws Exception {
    Path file = ToyData.write(dir);
    Path out = dir.resolve("run");
    List<String> texts = List.of("the phone was superb", "it is broken and dreadful");
    List<Prediction> trained;
    try (Pipeline pipeline = Pipelines.load(file, List.of("train.epochs=2", "subword=bpe(merges: 30)"))
        .outputDirectory(out)) {
      pipeline.train();
      trained = pipeline.model(Classifier.class).predict(texts);
    }
    assertThat(trained.get(0).tokens()).anyMatch(p -> p.endsWith("@@"));
    try (Classifier loaded = Pipelines.loadModel(out.resolve("model"), ModelOptions.DEFAULT, Classifier.class)) {
      assertThat(loaded.predict(texts)).isEqualTo(trained);
    }
  }
}
