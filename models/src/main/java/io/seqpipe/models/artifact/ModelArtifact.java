package io.seqpipe.models.artifact;

import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seqpipe.models.train.ParameterFile;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trained model on disk: one directory holding {@code manifest.json} (artifact format, Seqpipe and
 * DJL versions, and whatever the pipeline records: engine, data hashes, metrics), {@code parameters.bin}
 * and named text files such as the vocabulary and the resolved spec.
 *
 * <p>Reading refuses a directory without a manifest and an artifact written in a format this Seqpipe
 * does not read, with a message that says which.
 *
 * <pre>{@code
 * ArtifactWriter.create(dir).text("spec.pipe", dsl).vocabulary("vocabulary.txt", vocab)
 *     .parameters(block).commit(Map.of("engine", "mxnet"));
 * ModelArtifact artifact = ModelArtifact.open(dir);
 * artifact.loadParameters(block);
 * }</pre>
 */
public final class ModelArtifact {
  /**
   * The artifact layout this Seqpipe writes and reads. 2: {@code parameters.bin} carries its length and a
   * checksum ({@link ParameterFile}); format 1 had neither.
   */
  public static final int FORMAT = 2;

  static final String MANIFEST = "manifest.json";
  static final String PARAMETERS = "parameters.bin";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final Map<String, Object> manifest;

  private ModelArtifact(Path directory, Map<String, Object> manifest) {
    this.directory = directory;
    this.manifest = manifest;
  }

  /**
   * Opens an artifact directory, checking its format.
   *
   * @throws IOException naming the directory when it is no artifact or one of another format
   */
  public static ModelArtifact open(Path directory) throws IOException {
    Path manifestFile = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException(directory + ": not a Seqpipe model (expected " + MANIFEST + " in it)");
    }
    Map<String, Object> manifest;
    try {
      manifest = JSON.readValue(manifestFile.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IOException(manifestFile + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not a valid manifest (expected a JSON object): " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    Object format = manifest.get("format");
    if (!(format instanceof Integer version) || version != FORMAT) {
      throw new IOException(manifestFile + ": model format " + format + " written by Seqpipe "
          + manifest.get("seqpipe_version") + "; this Seqpipe " + Versions.seqpipe() + " reads format " + FORMAT
          + " only: retrain the model or use the Seqpipe that wrote it");
    }
    return new ModelArtifact(directory, manifest);
  }

  public Path directory() {
    return directory;
  }

  /** The manifest as written, including {@code format}, {@code seqpipe_version} and {@code djl_version}. */
  public Map<String, Object> manifest() {
    return manifest;
  }

  public String text(String name) throws IOException {
    return Files.readString(file(name), StandardCharsets.UTF_8);
  }

  public Vocabulary vocabulary(String name) throws IOException {
    return Vocabulary.load(file(name));
  }

  /** The saved parameters' file, e.g. to fingerprint the model. */
  public Path parametersFile() throws IOException {
    return file(PARAMETERS);
  }

  /**
   * Copies the saved parameters into {@code block}, whose names and shapes must match.
   *
   * @throws io.seqpipe.nlp.InputFormatException naming the file when it is truncated or corrupt
   */
  public void loadParameters(Block block) throws IOException {
    ParameterFile.read(block, file(PARAMETERS));
  }

  /**
   * A named file of the artifact.
   *
   * @throws IOException naming the directory when the file is missing
   */
  public Path file(String name) throws IOException {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IOException(directory + ": incomplete model, " + name + " is missing");
    }
    return file;
  }
}
