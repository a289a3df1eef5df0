package io.seqpipe.pipelines.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.nlp.io.Directories;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory carries what its analyzer reads: it predicts the same once the pipeline's folder is gone. */
class SelfContainedModelTest {
  private static final List<String> TEXTS = List.of("the phone was superb", "it is broken and the screen was poor",
      "the the the", "quite lovely");

  @Test
  void predictsIdenticallyAfterThePipelineFolderIsDeletedAndTheModelMoved(@TempDir Path dir) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    ToyData.write(project);
    Files.createDirectories(project.resolve("res"));
    Files.writeString(project.resolve("res/stop.txt"), "the\nwas\nit\n");
    Path file = Files.writeString(project.resolve("stopped.pipe"), ToyData.PIPELINE.replace("pooling attention",
        "pooling attention\n  analyzer standard {\n    lowercase\n    stop(words: \"res/stop.txt\")\n  }")
        .replace("epochs 6", "epochs 2"));
    Path out = dir.resolve("run");
    List<Prediction> trained;
    try (Pipeline pipeline = Pipelines.load(file).outputDirectory(out)) {
      pipeline.train();
      trained = pipeline.model(Classifier.class).predict(TEXTS);
    }
    assertThat(trained.get(2).tokens()).as("the stop words were applied").isEmpty();

    Directories.deleteTree(project);
    Path moved = dir.resolve("elsewhere/model");
    Files.createDirectories(moved.getParent());
    Files.move(out.resolve("model"), moved);
    Directories.deleteTree(out);

    assertThat(Files.readString(moved.resolve("classifier.json"))).doesNotContain(project.toString())
        .contains("resources/1-stop.txt");
    try (Classifier loaded = Pipelines.loadModel(moved, ModelOptions.DEFAULT, Classifier.class)) {
      assertThat(loaded.predict(TEXTS)).isEqualTo(trained);
    }
  }
}
