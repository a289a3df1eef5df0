package io.seqpipe.pipelines.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.train.ParameterAverage;
import io.seqpipe.nlp.io.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code seqpipe average}: a new model whose parameters are the elementwise mean of finished models of
 * one architecture ({@link ParameterAverage}), e.g. runs of one pipeline with different seeds. The
 * models must be of one kind and have identical files besides their parameters, manifest and pipeline
 * text (configuration, vocabularies, subword tables, analyzer resources); otherwise they are refused in
 * one line naming the file, and for a configuration its fields, that differ. The new directory is
 * written atomically as a copy of the first model with the mean parameters; its manifest records the
 * models averaged ({@code averaged.models}, each with the SHA-256 of its parameters) and carries no
 * metrics, since none were measured on it.
 *
 * <pre>{@code
 * try (TrainedModel first = Pipelines.loadModel(Path.of("runs/seed1/model"))) {
 *   ModelAverage.write(first, List.of(ModelArtifact.open(Path.of("runs/seed1/model")),
 *       ModelArtifact.open(Path.of("runs/seed2/model"))), Path.of("runs/averaged"));
 * }
 * }</pre>
 */
public final class ModelAverage {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The files of a model directory that may differ between models averaged. */
  private static final Set<String> OWN_FILES = Set.of("manifest.json", "parameters.bin", TrainedModel.SPEC);
  /** Manifest fields that describe the artifact or a measured model, not the averaged one. */
  private static final Set<String> NOT_CARRIED = Set.of("format", "seqpipe_version", "djl_version", "created", "kind",
      "engine", "metrics", "seed", "averaged");

  private ModelAverage() {}

  /** Refuses models that cannot be averaged: of another kind than the first, or with other files. */
  private static void check(List<ModelArtifact> models) throws IOException {
    ModelArtifact first = models.get(0);
    Map<String, Path> firstFiles = files(first.directory());
    for (ModelArtifact other : models.subList(1, models.size())) {
      Object kind = first.manifest().get("kind");
      if (!Objects.equals(kind, other.manifest().get("kind"))) {
        throw refused(other, first, "its kind (" + other.manifest().get("kind") + " vs " + kind + ")");
      }
      Map<String, Path> otherFiles = files(other.directory());
      Set<String> names = new TreeSet<>(firstFiles.keySet());
      names.addAll(otherFiles.keySet());
      for (String name : names) {
        Path mine = firstFiles.get(name);
        Path theirs = otherFiles.get(name);
        if (mine == null || theirs == null) {
          throw refused(other, first, name + " (only in " + (mine == null ? other : first).directory() + ")");
        }
        if (Files.mismatch(mine, theirs) != -1) {
          throw refused(other, first, name + differingFields(mine, theirs));
        }
      }
    }
  }

  /**
   * Loads the mean of the models' parameters into {@code first} (loaded from {@code models.get(0)}) and
   * saves it to {@code output} atomically.
   *
   * @return the new model directory
   * @throws IllegalArgumentException one line naming what differs between models that cannot be averaged
   */
  public static Path write(TrainedModel first, List<ModelArtifact> models, Path output) throws IOException {
    check(models);
    List<Path> parameters = new ArrayList<>();
    List<Map<String, String>> averaged = new ArrayList<>();
    for (ModelArtifact model : models) {
      parameters.add(model.parametersFile());
      averaged.add(Map.of("path", model.directory().toAbsolutePath().normalize().toString(),
          "sha256", Hashes.sha256(model.parametersFile())));
    }
    ParameterAverage.load(first.handle().block(), parameters);
    Map<String, Object> fields = new LinkedHashMap<>();
    models.get(0).manifest().forEach((key, value) -> {
      if (!NOT_CARRIED.contains(key)) {
        fields.put(key, value);
      }
    });
    fields.put("averaged", Map.of("models", averaged));
    return first.save(output, models.get(0).text(TrainedModel.SPEC), fields);
  }

  private static IllegalArgumentException refused(ModelArtifact other, ModelArtifact first, String what) {
    return new IllegalArgumentException(other.directory() + " differs from " + first.directory() + " in " + what
        + ": only models of one architecture, with the same vocabularies, are averaged");
  }

  /** The regular files under a model directory by relative path, except those a model has of its own. */
  private static Map<String, Path> files(Path directory) throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = directory.relativize(file).toString();
        if (!OWN_FILES.contains(name)) {
          files.put(name, file);
        }
      }
    }
    return files;
  }

  /** For two JSON configurations, the top-level fields that differ, as " (a, b)"; else nothing. */
  private static String differingFields(Path mine, Path theirs) {
    if (!mine.getFileName().toString().endsWith(".json")) {
      return "";
    }
    try {
      JsonNode a = JSON.readTree(mine.toFile());
      JsonNode b = JSON.readTree(theirs.toFile());
      Set<String> fields = new TreeSet<>();
      for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
        fields.add(names.next());
      }
      b.fieldNames().forEachRemaining(fields::add);
      List<String> differing = fields.stream().filter(f -> !Objects.equals(a.get(f), b.get(f))).toList();
      return differing.isEmpty() ? "" : " (" + String.join(", ", differing) + ")";
    } catch (IOException e) {
      return "";
    }
  }
}
