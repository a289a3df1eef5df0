package io.seqpipe.models.train;

import ai.djl.nn.Block;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a killed run cannot break, holding everything a resumed run needs to go on exactly as an
 * uninterrupted one: the parameters, the optimizer's moments ({@code optimizer.bin}, both checksummed by
 * {@link ParameterFile}) and update counts ({@code optimizer.json}), and {@code state.json} (epoch, step,
 * early stopping, the schedule's state, history). A checkpoint is written in a staging directory, forced
 * to disk and renamed to {@code epoch-0003/}; only then does the pointer file {@code last} name it (its
 * state names the best checkpoint, so one atomic write switches both). A crash at any point leaves a
 * staging or unreferenced directory, never a broken checkpoint, and both are removed by the next save. Loading verifies every file first: a truncated or
 * corrupt one fails naming it. Each save is logged ({@code event=checkpoint}).
 *
 * <pre>{@code
 * Checkpoints checkpoints = new Checkpoints(Path.of("runs/x/checkpoints"));
 * checkpoints.save(block, optimizer, state);
 * Optional<TrainingState> resumed = checkpoints.loadLast(block, optimizer);
 * }</pre>
 */
public final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARAMETERS = "parameters.bin";
  private static final String MOMENTS = "optimizer.bin";
  private static final String COUNTS = "optimizer.json";
  private static final String STATE = "state.json";
  private static final String STAGING = ".staging-";
  private static final String LAST = "last";

  private final Path directory;

  public Checkpoints(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** Saves the block, optimizer and state as the last checkpoint ({@code state.bestEpoch()} names the best). */
  public void save(Block block, ResumableOptimizer optimizer, TrainingState state) throws IOException {
    String name = name(state.epoch());
    Path staging = directory.resolve(STAGING + name);
    deleteDirectory(staging);
    Files.createDirectories(staging);
    ParameterFile.write(block, staging.resolve(PARAMETERS));
    ParameterFile.write(optimizer.moments(block), staging.resolve(MOMENTS));
    AtomicFiles.writeString(staging.resolve(COUNTS), JSON.writeValueAsString(optimizer.updateCounts(block)));
    AtomicFiles.writeString(staging.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    Path target = directory.resolve(name);
    deleteDirectory(target); // left by a run killed before it pointed to it
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory();
    AtomicFiles.writeString(directory.resolve(LAST), name);
    removeUnreferenced(target, state);
    boolean best = state.bestEpoch() == state.epoch();
    LOG.atInfo().addKeyValue("event", "checkpoint").addKeyValue("epoch", state.epoch()).addKeyValue("best", best)
        .addKeyValue("path", target.toString()).log("checkpoint {}{}", target, best ? " (best)" : "");
  }

  /**
   * The last checkpoint's state, with its parameters loaded into {@code block} and its optimizer state
   * into {@code optimizer}; empty if none.
   */
  public Optional<TrainingState> loadLast(Block block, ResumableOptimizer optimizer) throws IOException {
    Optional<Path> target = last();
    if (target.isEmpty()) {
      return Optional.empty();
    }
    TrainingState state = state(target.get());
    Path counts = target.get().resolve(COUNTS);
    Map<String, Integer> updates = read(counts, new TypeReference<>() {});
    ParameterFile.read(block, target.get().resolve(PARAMETERS));
    ParameterFile.read(optimizer.moments(block), target.get().resolve(MOMENTS));
    optimizer.restoreUpdateCounts(block, updates);
    return Optional.of(state);
  }

  /** The best checkpoint's state, with its parameters loaded into {@code block}; empty if none. */
  public Optional<TrainingState> loadBest(Block block) throws IOException {
    Optional<Path> last = last();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Path best = directory.resolve(name(state(last.get()).bestEpoch()));
    ParameterFile.read(block, best.resolve(PARAMETERS));
    return Optional.of(state(best));
  }

  private static String name(int epoch) {
    return String.format("epoch-%04d", epoch);
  }

  private static TrainingState state(Path checkpoint) throws IOException {
    return read(checkpoint.resolve(STATE), new TypeReference<>() {});
  }

  private static <T> T read(Path file, TypeReference<T> type) throws IOException {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InputFormatException(file, "corrupt checkpoint file (" + e.getOriginalMessage() + ")");
    }
  }

  private Optional<Path> last() throws IOException {
    Path file = directory.resolve(LAST);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(directory.resolve(Files.readString(file, StandardCharsets.UTF_8).strip()));
  }

  /** Makes the rename durable (a directory's entries are forced through the directory itself). */
  private void forceDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private void removeUnreferenced(Path last, TrainingState state) throws IOException {
    Path best = directory.resolve(name(state.bestEpoch()));
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.filter(Files::isDirectory).toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(STAGING) || name.startsWith("epoch-") && !entry.equals(last) && !entry.equals(best)) {
          deleteDirectory(entry);
        }
      }
    }
  }

  private static void deleteDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }
}
