package io.seqpipe.models.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {
  @TempDir Path dir;

  private static Block linear(NDManager manager) {
    Block block = Linear.builder().setUnits(3).build();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    return block;
  }

  @Test
  void writesReadsAndReplacesWhole() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block saved = linear(manager);
      Vocabulary vocabulary = Vocabulary.builder().addAll(List.of("a", "b")).build();
      Path target = dir.resolve("model");
      ArtifactWriter.create(target).parameters(saved).vocabulary("vocabulary.txt", vocabulary).text("notes.txt", "first")
          .commit(Map.of("engine", "mxnet"));
      ModelArtifact artifact = ModelArtifact.open(target);
      assertThat(artifact.manifest()).containsEntry("format", 2).containsEntry("engine", "mxnet")
          .containsEntry("seqpipe_version", Versions.seqpipe()).containsEntry("djl_version", "0.36.0");
      assertThat(artifact.vocabulary("vocabulary.txt")).isEqualTo(vocabulary);
      Block loaded = linear(manager);
      artifact.loadParameters(loaded);
      assertThat(loaded.getParameters().get(0).getValue().getArray().toFloatArray())
          .containsExactly(saved.getParameters().get(0).getValue().getArray().toFloatArray());

      ArtifactWriter.create(target).parameters(saved).text("notes.txt", "second").commit(Map.of());
      assertThat(ModelArtifact.open(target).text("notes.txt")).isEqualTo("second");
      assertThat(target.resolve("vocabulary.txt")).doesNotExist();
      try (var entries = Files.list(dir)) {
        assertThat(entries).containsExactly(target); // no staging or old directories left behind
      }
    }
  }

  @Test
  void removesTheStagingDirectoriesAKilledWriterLeftAndNothingElse() throws Exception {
    Path target = dir.resolve("model");
    ArtifactWriter.create(target).text("notes.txt", "first").commit(Map.of());
    for (String leftover : List.of(".model-1234567890", ".model-old-42")) {
      Files.writeString(Files.createDirectories(dir.resolve(leftover).resolve("sub")).resolve("params"), "stale");
    }
    Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("keep.txt"), "keep");
    List<Path> kept = new java.util.ArrayList<>(List.of(target, elsewhere.getParent(),
        Files.createSymbolicLink(dir.resolve(".model-555"), elsewhere.getParent()),
        Files.writeString(dir.resolve(".model-777"), "a file, not ours"),
        Files.createDirectories(dir.resolve(".model-12x")), Files.createDirectories(dir.resolve(".model-old-")),
        Files.createDirectories(dir.resolve(".models-123")), Files.createDirectories(dir.resolve(".other-123")),
        Files.createDirectories(dir.resolve("model-123")), Files.createDirectories(dir.resolve(".model-new-123"))));

    ArtifactWriter.create(target).text("notes.txt", "second").commit(Map.of());

    assertThat(ModelArtifact.open(target).text("notes.txt")).isEqualTo("second");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactlyInAnyOrderElementsOf(kept);
    }
    assertThat(elsewhere).hasContent("keep");
  }

  @Test
  void refusesAnotherFormatAndNonArtifacts() throws Exception {
    Path target = dir.resolve("model");
    Files.createDirectories(target);
    assertThatThrownBy(() -> ModelArtifact.open(target)).isInstanceOf(IOException.class)
        .hasMessage(target + ": not a Seqpipe model (expected manifest.json in it)");
    Files.writeString(target.resolve("manifest.json"), "{\"format\": 3, \"seqpipe_version\": \"9.0.0\"}");
    assertThatThrownBy(() -> ModelArtifact.open(target)).isInstanceOf(IOException.class)
        .hasMessage(target.resolve("manifest.json") + ": model format 3 written by Seqpipe 9.0.0; this Seqpipe "
            + Versions.seqpipe() + " reads format 2 only: retrain the model or use the Seqpipe that wrote it");
    // format 1: parameters without a checksum, written before this Seqpipe
    Files.writeString(target.resolve("manifest.json"), "{\"format\": 1, \"seqpipe_version\": \"0.1.0\"}");
    assertThatThrownBy(() -> ModelArtifact.open(target)).isInstanceOf(IOException.class)
        .hasMessageContaining(": model format 1 written by Seqpipe 0.1.0; this Seqpipe");
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    Path target = dir.resolve("model");
    ArtifactWriter.create(target).commit(Map.of());
    assertThatThrownBy(() -> ModelArtifact.open(target).text("spec.pipe")).isInstanceOf(IOException.class)
        .hasMessage(target.toAbsolutePath() + ": incomplete model, spec.pipe is missing");
  }
}
