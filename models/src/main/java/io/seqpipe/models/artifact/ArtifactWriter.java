package io.seqpipe.models.artifact;

import ai.djl.nn.Block;
import io.seqpipe.models.train.ParameterFile;
import io.seqpipe.nlp.analysis.AnalyzerResources;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.Directories;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link ModelArtifact} so that a killed process never leaves a broken one: every file goes
 * into a hidden staging directory beside the target ({@code .NAME-DIGITS}), and {@link #commit} renames
 * it into place (an existing artifact is first moved aside to {@code .NAME-old-DIGITS} and deleted once
 * the new one is in place). Those two kinds of directory that a killed writer of the same artifact left
 * are removed by the next {@link #create}; nothing else beside the target is touched.
 *
 * <pre>{@code
 * ArtifactWriter.create(Path.of("runs/x/model")).text("spec.pipe", dsl).vocabulary("vocabulary.txt", vocab)
 *     .parameters(block).commit(Map.of("engine", "mxnet", "metrics", metrics));
 * }</pre>
 */
public final class ArtifactWriter {
  /** Where analyzer resources go inside an artifact. */
  public static final String RESOURCES = "resources";

  private static final String OLD = "old-";

  private final Path target;
  private final Path staging;

  private ArtifactWriter(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  public static ArtifactWriter create(Path directory) throws IOException {
    Path target = directory.toAbsolutePath();
    Files.createDirectories(target.getParent());
    removeLeftovers(target);
    Path staging = Files.createTempDirectory(target.getParent(), stagingPrefix(target));
    if (Files.getFileStore(staging).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return new ArtifactWriter(target, staging);
  }

  public ArtifactWriter text(String name, String content) throws IOException {
    AtomicFiles.writeString(staging.resolve(name), content);
    return this;
  }

  public ArtifactWriter bytes(String name, byte[] content) throws IOException {
    AtomicFiles.write(staging.resolve(name), out -> out.write(content));
    return this;
  }

  public ArtifactWriter vocabulary(String name, Vocabulary vocabulary) throws IOException {
    vocabulary.save(staging.resolve(name));
    return this;
  }

  /**
   * Copies the files {@code analyzer} reads (stop-word lists, ...) from {@code from} into the artifact's
   * {@code resources/} and returns the analyzer reading them there, relative to the artifact: a model
   * directory carries everything it needs.
   */
  public AnalyzerSpec analyzerResources(AnalyzerSpec analyzer, Path from) throws IOException {
    Map<String, String> moved = new LinkedHashMap<>();
    for (String file : AnalyzerResources.files(analyzer)) {
      String name = RESOURCES + "/" + (moved.size() + 1) + "-" + Path.of(file).getFileName();
      Files.createDirectories(staging.resolve(RESOURCES));
      Files.copy(from.resolve(file), staging.resolve(name));
      moved.put(file, name);
    }
    return AnalyzerResources.relocate(analyzer, moved::get);
  }

  public ArtifactWriter parameters(Block block) throws IOException {
    ParameterFile.write(block, staging.resolve(ModelArtifact.PARAMETERS));
    return this;
  }

  /**
   * Writes the manifest (format and versions first, then {@code fields}) and moves the artifact into
   * place.
   */
  public Path commit(Map<String, Object> fields) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", ModelArtifact.FORMAT);
    manifest.put("seqpipe_version", Versions.seqpipe());
    manifest.put("djl_version", Versions.djl());
    manifest.put("created", Instant.now().toString());
    manifest.putAll(fields);
    AtomicFiles.writeString(staging.resolve(ModelArtifact.MANIFEST), ModelArtifact.JSON.writeValueAsString(manifest));
    Path previous = null;
    if (Files.exists(target)) {
      previous = Files.createTempDirectory(target.getParent(), stagingPrefix(target) + OLD);
      Files.delete(previous);
      Directories.moveIntoPlace(target, previous);
    }
    Directories.moveIntoPlace(staging, target);
    if (previous != null) {
      Directories.deleteTree(previous);
    }
    return target;
  }

  /** {@code .NAME-}: how the staging and old directories of {@code target} begin, random digits following. */
  private static String stagingPrefix(Path target) {
    return "." + target.getFileName() + "-";
  }

  /**
   * Deletes the staging and old directories of {@code target} that a killed writer left: directories (not
   * links) beside it named {@code .NAME-DIGITS} or {@code .NAME-old-DIGITS}, as {@link #create} and
   * {@link #commit} name them.
   */
  private static void removeLeftovers(Path target) throws IOException {
    Pattern ours = Pattern.compile(Pattern.quote(stagingPrefix(target)) + "(" + OLD + ")?[0-9]+");
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
      for (Path sibling : siblings) {
        if (ours.matcher(sibling.getFileName().toString()).matches()
            && Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)) {
          leftovers.add(sibling);
        }
      }
    }
    for (Path leftover : leftovers) {
      Directories.deleteTree(leftover);
    }
  }
}
