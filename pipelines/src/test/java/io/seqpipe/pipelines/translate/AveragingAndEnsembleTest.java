package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.train.ParameterFile;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.cli.CommandRun;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint averaging ({@code train { average_last N }}), {@code seqpipe average} and ensembles
 * ({@code seqpipe translate --model A --model B}) on toy translators of {@link ToyTranslation}.
 */
class AveragingAndEnsembleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  /** Seed 1, 4 epochs, the last 2 averaged. */
  private static Path averagedRun;
  /** Seed 1 (the same data split and vocabularies), 3 epochs with smaller batches. */
  private static Path otherRun;
  /** Like {@link #otherRun} with a wider decoder. */
  private static Path wider;
  /** With smaller vocabularies. */
  private static Path smallerVocabulary;
  private static List<String> sentences;
  @TempDir Path dir;

  @BeforeAll
  static void trainToyModels() throws Exception {
    Path file = ToyTranslation.write(shared);
    averagedRun = run(file, "averaged", "train.seed=1", "train.epochs=4", "train.average_last=2");
    otherRun = run(file, "other", "train.seed=1", "train.epochs=3", "train.batch=16");
    wider = run(file, "wider", "train.seed=1", "train.epochs=1", "decoder.hidden=24");
    smallerVocabulary = run(file, "smaller", "train.seed=1", "train.epochs=1", "vocabulary.max_size=10");
    sentences = ToyTranslation.sources(20, 5).lines().toList();
  }

  private static Path run(Path file, String name, String... overrides) throws Exception {
    Path out = shared.resolve(name);
    try (Pipeline pipeline = Pipelines.load(file, List.of(overrides)).outputDirectory(out)) {
      pipeline.run();
    }
    return out;
  }

  private static List<float[]> parameters(Block block) {
    List<float[]> values = new ArrayList<>();
    block.getParameters().values().forEach(p -> values.add(p.getArray().toFloatArray()));
    return values;
  }

  /** The elementwise mean of parameter files, each read into {@code block}. */
  private static List<float[]> mean(Block block, Path... files) throws Exception {
    List<double[]> sums = new ArrayList<>();
    for (Path file : files) {
      ParameterFile.read(block, file);
      List<float[]> values = parameters(block);
      for (int p = 0; p < values.size(); p++) {
        if (sums.size() == p) {
          sums.add(new double[values.get(p).length]);
        }
        for (int i = 0; i < values.get(p).length; i++) {
          sums.get(p)[i] += values.get(p)[i];
        }
      }
    }
    List<float[]> means = new ArrayList<>();
    for (double[] sum : sums) {
      float[] mean = new float[sum.length];
      for (int i = 0; i < sum.length; i++) {
        mean[i] = (float) (sum[i] / files.length);
      }
      means.add(mean);
    }
    return means;
  }

  @Test
  void trainingSavesTheMeanOfTheLastCheckpointsAndRecordsIt() throws Exception {
    JsonNode report = JSON.readTree(averagedRun.resolve("report.json").toFile());
    assertThat(report.at("/averaged/epochs").toString()).isEqualTo("[3,4]");
    assertThat(report.at("/averaged/dev").isNumber()).isTrue();
    assertThat(report.at("/metrics/bleu").isNumber()).as("test scored with the averaged model").isTrue();
    JsonNode manifest = JSON.readTree(averagedRun.resolve("model/manifest.json").toFile());
    assertThat(manifest.at("/averaged/epochs").toString()).isEqualTo("[3,4]");
    assertThat(Files.readString(averagedRun.resolve("model/spec.pipe"))).contains("average_last 2");
    try (Stream<Path> kept = Files.list(averagedRun.resolve("checkpoints"))) {
      assertThat(kept.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-")).sorted())
          .containsExactly("epoch-0003", "epoch-0004");
    }
    try (Translator saved = Translator.load(averagedRun.resolve("model"), ModelOptions.DEFAULT);
        Translator scratch = Translator.load(averagedRun.resolve("model"), ModelOptions.DEFAULT)) {
      List<float[]> expected = mean(scratch.handle().block(),
          averagedRun.resolve("checkpoints/epoch-0003/parameters.bin"),
          averagedRun.resolve("checkpoints/epoch-0004/parameters.bin"));
      assertThat(parameters(saved.handle().block())).usingRecursiveFieldByFieldElementComparator().isEqualTo(expected);
    }
  }

  @Test
  void averageWritesASelfContainedModelWithTheMeanOfTheModels() throws Exception {
    Path output = dir.resolve("averaged-model");
    CommandRun run = CommandRun.of("average", "--model", averagedRun.resolve("model").toString(), "--model",
        otherRun.resolve("model").toString(), "--output", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("averaged 2 models -> " + output.toAbsolutePath());
    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    assertThat(manifest.at("/averaged/models")).hasSize(2);
    assertThat(manifest.at("/averaged/models/1/path").asText()).isEqualTo(otherRun.resolve("model").toString());
    assertThat(manifest.has("metrics")).isFalse();
    try (Translator averaged = Translator.load(output, ModelOptions.DEFAULT);
        Translator scratch = Translator.load(otherRun.resolve("model"), ModelOptions.DEFAULT)) {
      List<float[]> expected = mean(scratch.handle().block(), averagedRun.resolve("model/parameters.bin"),
          otherRun.resolve("model/parameters.bin"));
      assertThat(parameters(averaged.handle().block())).usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(expected);
      assertThat(averaged.translate(sentences)).hasSize(20).allSatisfy(t -> assertThat(t).isNotBlank());
    }
  }

  @Test
  void averageRefusesModelsOfAnotherArchitectureInOneLine() {
    Path output = dir.resolve("refused");
    CommandRun run = CommandRun.of("average", "--model", otherRun.resolve("model").toString(), "--model",
        wider.resolve("model").toString(), "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + wider.resolve("model") + " differs from " + otherRun.resolve("model")
        + " in translator.json (decoder): only models of one architecture, with the same vocabularies, are averaged"
        + System.lineSeparator());
    assertThat(output).doesNotExist();
  }

  @Test
  void anEnsembleOfAModelWithItselfTranslatesAsTheModelAlone() throws Exception {
    Path model = otherRun.resolve("model");
    try (Translator alone = Translator.load(model, ModelOptions.DEFAULT);
        Translator twice = Pipelines.loadEnsemble(List.of(model, model), ModelOptions.DEFAULT)) {
      assertThat(twice.members()).isEqualTo(2);
      SearchSettings greedy = SearchSettings.greedy(2.0);
      SearchSettings beam = alone.config().searchSettings().withBeam(3, 3);
      assertThat(twice.translate(sentences, greedy)).isEqualTo(alone.translate(sentences, greedy));
      assertThat(twice.translate(sentences, beam)).isEqualTo(alone.translate(sentences, beam));
    }
  }

  @Test
  void beamOneOfAOneModelEnsembleIsThatModelsGreedyOutput() throws Exception {
    try (Translator one = Pipelines.loadEnsemble(List.of(otherRun.resolve("model")), ModelOptions.DEFAULT)) {
      assertThat(one.members()).isEqualTo(1);
      SearchSettings settings = one.config().searchSettings();
      assertThat(one.translate(sentences, settings.withBeam(1, 1)))
          .isEqualTo(one.translate(sentences, SearchSettings.greedy(settings.maxRatio())));
    }
  }

  @Test
  void translateDecodesWithAnEnsembleOfModelsSharingATargetVocabulary() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), String.join("\n", sentences) + "\n");
    Path output = dir.resolve("out.en");
    CommandRun run = CommandRun.of("translate", "--model", averagedRun.resolve("model").toString(), "--model",
        wider.resolve("model").toString(), "--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("translated 20 sentences with an ensemble of 2 models");
    try (Translator ensemble = Pipelines.loadEnsemble(List.of(averagedRun.resolve("model"), wider.resolve("model")),
        ModelOptions.DEFAULT)) {
      assertThat(Files.readAllLines(output)).isEqualTo(ensemble.translate(sentences));
    }
  }

  @Test
  void translateRefusesModelsWithAnotherTargetVocabularyInOneLine() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), String.join("\n", sentences) + "\n");
    CommandRun run = CommandRun.of("translate", "--model", otherRun.resolve("model").toString(), "--model",
        smallerVocabulary.resolve("model").toString(), "--input", input.toString(), "--output",
        dir.resolve("out.en").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + smallerVocabulary.resolve("model") + ": its target vocabulary differs"
        + " from " + otherRun.resolve("model") + "'s (10 vs 12 tokens): an ensemble needs models with one target"
        + " vocabulary" + System.lineSeparator());
    assertThat(dir.resolve("out.en")).doesNotExist();
  }
}
