package io.seqpipe.models.train;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.nlp.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a killed run cannot break: each one is a new directory ({@code epoch-0003/}: parameters and
 * {@code state.json}, each written atomically), and only when it is complete do the pointer files {@code
 * last} (and {@code best}) name it. A crash mid-write leaves an unreferenced directory, never a broken
 * checkpoint. Parameters are restored in place and verified first ({@link ParameterFile}): a truncated
 * or corrupt file fails naming it. Older directories are removed once nothing points to them. Each save
 * is logged ({@code event=checkpoint}).
 *
 * <pre>{@code
 * Checkpoints checkpoints = new Checkpoints(Path.of("runs/x/checkpoints"));
 * checkpoints.save(block, state, improved);
 * Optional<TrainingState> resumed = checkpoints.loadLast(block);
 * }</pre>
 */
public final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARAMETERS = "parameters.bin";
  private static final String STATE = "state.json";

  private final Path directory;

  public Checkpoints(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** Saves the block and state as the last checkpoint, and as the best one if {@code best}. */
  public void save(Block block, TrainingState state, boolean best) throws IOException {
    Path target = directory.resolve(String.format("epoch-%04d", state.epoch()));
    Files.createDirectories(target);
    ParameterFile.write(block, target.resolve(PARAMETERS));
    AtomicFiles.writeString(target.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    AtomicFiles.writeString(directory.resolve("last"), target.getFileName().toString());
    if (best) {
      AtomicFiles.writeString(directory.resolve("best"), target.getFileName().toString());
    }
    removeUnreferenced();
    LOG.atInfo().addKeyValue("event", "checkpoint").addKeyValue("epoch", state.epoch()).addKeyValue("best", best)
        .addKeyValue("path", target.toString()).log("checkpoint {}{}", target, best ? " (best)" : "");
  }

  /** The last checkpoint's state, with its parameters loaded into {@code block}; empty if none. */
  public Optional<TrainingState> loadLast(Block block) throws IOException {
    return load("last", block);
  }

  /** The best checkpoint's state, with its parameters loaded into {@code block}; empty if none. */
  public Optional<TrainingState> loadBest(Block block) throws IOException {
    return load("best", block);
  }

  private Optional<TrainingState> load(String pointer, Block block) throws IOException {
    Optional<Path> target = resolve(pointer);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    ParameterFile.read(block, target.get().resolve(PARAMETERS));
    return Optional.of(JSON.readValue(target.get().resolve(STATE).toFile(), TrainingState.class));
  }

  private Optional<Path> resolve(String pointer) throws IOException {
    Path file = directory.resolve(pointer);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(directory.resolve(Files.readString(file, StandardCharsets.UTF_8).strip()));
  }

  private void removeUnreferenced() throws IOException {
    Optional<Path> last = resolve("last");
    Optional<Path> best = resolve("best");
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.filter(Files::isDirectory).toList()) {
        if (entry.getFileName().toString().startsWith("epoch-") && !entry.equals(last.orElse(null))
            && !entry.equals(best.orElse(null))) {
          deleteDirectory(entry);
        }
      }
    }
  }

  private static void deleteDirectory(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }
}
