package io.seqpipe.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.pipelines.classify.ClassifyReport;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.run.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: load or build, train, evaluate, predict; saved models predict exactly as trained ones. */
class PipelineApiTest {
  private static final List<String> TEXTS = List.of("the phone was superb", "it is broken", "awful", "",
      "quite lovely and the battery is fine really", "the screen was really quite poor and the battery was dreadful");

  @TempDir static Path dir;
  static Path file;

  @BeforeAll
  static void data() throws Exception {
    file = ToyData.write(dir);
  }

  private static PipelineBuilder toyBuilder() {
    return Pipelines.classify("toy").baseDir(dir).train("train.tsv").dev("dev.tsv").testSplit(0.2)
        .embeddings("learned(dim: 16)").encoder("bilstm(hidden: 16, dropout: 0.0)").pooling("attention")
        .optimizer("adam(lr: 0.01)").epochs(6).set("train.batch", "16")
        .set("train.early_stop", "early_stop(metric: f1_macro, patience: 3)");
  }

  @Test
  void theBuilderGivesTheSameSpecAsTheFile() {
    assertThat(DslWriter.write(toyBuilder().build().spec())).isEqualTo(DslWriter.write(Pipelines.load(file).spec()));
  }

  @Test
  void theBuilderValidatesLikeAFile() {
    assertThatThrownBy(() -> toyBuilder().pooling("maximum").build()).isInstanceOf(PipelineException.class)
        .hasMessageContaining("unknown pooling 'maximum'");
  }

  @Test
  void trainEvaluatePredictAndReloadGiveIdenticalAnswers() throws Exception {
    Path out = dir.resolve("api-run");
    try (Pipeline pipeline = Pipelines.load(file).outputDirectory(out)) {
      RunReport report = pipeline.train();
      assertThat(report.model()).isEqualTo(out.resolve("model").toAbsolutePath().toString());
      assertThat(((ClassifyReport) report.task()).metrics().test()).isNull();
      Map<String, Object> test = pipeline.evaluate();
      assertThat((double) test.get("accuracy")).isGreaterThan(0.9);

      List<Prediction> trained = pipeline.model(Classifier.class).predict(TEXTS);
      assertThat(pipeline.predict(TEXTS)).isEqualTo(trained);
      assertThat(trained).hasSize(TEXTS.size());
      assertThat(trained.get(0).label()).isEqualTo("positive");
      assertThat(trained.get(1).label()).isEqualTo("negative");
      for (Prediction p : trained) {
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-5));
        assertThat(p.probability()).isEqualTo(p.probabilities().get(p.label()));
        assertThat(p.attention()).hasSize(p.tokens().size());
      }

      try (TrainedModel loaded = Pipelines.loadModel(out.resolve("model"))) {
        assertThat(loaded).isInstanceOf(Classifier.class);
        assertThat(loaded.predict(TEXTS)).isEqualTo(trained); // bit for bit
        List<Prediction> oneByOne = new ArrayList<>();
        for (String text : TEXTS) {
          oneByOne.addAll(((Classifier) loaded).predict(List.of(text)));
        }
        // alone or in a batch: same answers; the floats may differ in the last bits (other matrix shapes)
        for (int i = 0; i < TEXTS.size(); i++) {
          assertThat(oneByOne.get(i).label()).isEqualTo(trained.get(i).label());
          assertThat(oneByOne.get(i).probability()).isCloseTo(trained.get(i).probability(), within(1e-6));
          assertThat(oneByOne.get(i).attention()).hasSameSizeAs(trained.get(i).attention());
          for (int t = 0; t < trained.get(i).attention().size(); t++) {
            assertThat(oneByOne.get(i).attention().get(t)).isCloseTo(trained.get(i).attention().get(t), within(1e-6));
          }
        }
      }
    }
  }

  @Test
  void balancedClassWeightsAreRecorded() throws Exception {
    try (Pipeline pipeline = toyBuilder().epochs(1).set("train.class_weights", "balanced").build()
        .outputDirectory(dir.resolve("weighted"))) {
      float[] weights = ((ClassifyReport) pipeline.train().task()).classWeights();
      assertThat(weights).hasSize(2);
      assertThat(weights[0]).isNotEqualTo(1f);
      assertThat(Files.readString(dir.resolve("weighted/model/spec.pipe"))).contains("class_weights balanced");
    }
  }

  @Test
  void predictingBeforeTrainingSaysSo() {
    try (Pipeline pipeline = Pipelines.load(file)) {
      assertThatThrownBy(() -> pipeline.predict(List.of("x"))).isInstanceOf(IllegalStateException.class)
          .hasMessage("toy: not trained yet; call train() first");
    }
  }
}
