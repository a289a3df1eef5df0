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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
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
 * <p>The final model ({@link #loadFinal}) is the best checkpoint's parameters, or, when averaging the
 * last {@code N} ({@code train { average_last N }}), the elementwise mean ({@link ParameterAverage}) of
 * the checkpoints of the last {@code N} epochs trained, up to the last one (all of them when fewer were
 * trained), whichever epoch was best. Only the checkpoints the final model and a resumed run need are
 * kept: the best and the last, or the last {@code N}.
 *
 * <pre>{@code
 * Checkpoints checkpoints = new Checkpoints(Path.of("runs/x/checkpoints"));
 * checkpoints.save(block, optimizer, state);
 * Optional<TrainingState> resumed = checkpoints.loadLast(block, optimizer);
 * new Checkpoints(Path.of("runs/y/checkpoints"), 5).loadFinal(block);   // the mean of the last 5
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
  private final int averageLast;

  /** Checkpoints whose final model is the best one. */
  public Checkpoints(Path directory) {
    this(directory, 0);
  }

  /**
   * @param averageLast how many of the last checkpoints the final model averages (0: none, the best
   *     checkpoint is the final model)
   */
  public Checkpoints(Path directory, int averageLast) {
    if (averageLast < 0) {
      throw new IllegalArgumentException("average_last must be >= 1 (or 0 for the best checkpoint), found "
          + averageLast);
    }
    this.directory = directory;
    this.averageLast = averageLast;
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

  /**
   * The epochs whose parameters make the final model after {@code last}: the best one, or the last
   * {@code N} up to {@code last.epoch()} when averaging.
   */
  public List<Integer> finalEpochs(TrainingState last) {
    if (averageLast == 0) {
      return List.of(last.bestEpoch());
    }
    return IntStream.rangeClosed(Math.max(1, last.epoch() - averageLast + 1), last.epoch()).boxed().toList();
  }

  /**
   * Loads the final model into {@code block} (see {@link #finalEpochs}) and returns the last checkpoint's
   * state; empty if there is no checkpoint.
   *
   * @throws IOException naming a checkpoint the average needs that is missing
   */
  public Optional<TrainingState> loadFinal(Block block) throws IOException {
    Optional<Path> last = last();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    TrainingState state = state(last.get());
    List<Path> files = new ArrayList<>();
    for (int epoch : finalEpochs(state)) {
      Path file = directory.resolve(name(epoch)).resolve(PARAMETERS);
      if (!Files.isRegularFile(file)) {
        throw new IOException(directory + ": " + name(epoch) + " is missing; the final model needs it"
            + (averageLast > 0 ? " to average the last " + averageLast + " checkpoints (a run without train.average_last "
            + averageLast + " removed it: train again in a new directory)" : ""));
      }
      files.add(file);
    }
    ParameterAverage.load(block, files);
    return Optional.of(state);
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

  /** Removes staging directories and the checkpoints neither a resumed run nor the final model needs. */
  private void removeUnreferenced(Path last, TrainingState state) throws IOException {
    Set<Path> kept = new HashSet<>();
    kept.add(last);
    finalEpochs(state).forEach(epoch -> kept.add(directory.resolve(name(epoch))));
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.filter(Files::isDirectory).toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(STAGING) || name.startsWith("epoch-") && !kept.contains(entry)) {
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
