package io.seqpipe.nlp.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Whole directories put into place in one step and removed: what writers of model directories and
 * dataset caches use so that nobody ever sees half of one.
 *
 * <pre>{@code
 * Directories.moveIntoPlace(staging, Path.of("runs/x/model"));   // a rename where the file system allows
 * Directories.deleteTree(Path.of("runs/x/.model-old"));
 * Directories.copyTree(Path.of("runs/x/model"), Path.of("runs/x/.best-new"));
 * }</pre>
 */
public final class Directories {
  private Directories() {}

  /** Renames {@code from} to {@code to} (which must not exist), atomically where the file system can. */
  public static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a directory and everything under it; nothing happens if it does not exist. */
  public static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Copies {@code from} and everything under it to {@code to}, which must not exist. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
