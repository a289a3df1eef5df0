package io.seqpipe.nlp.io;

import io.seqpipe.nlp.InputFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens a data file for reading, refusing what is no file with one line that says so: a directory, or
 * a device or socket (named pipes are let through, so {@code <(command)} and {@code /dev/stdin} work).
 *
 * <pre>{@code
 * try (InputStream in = InputFiles.open(Path.of("vectors.bin"))) { ... }
 * // a directory: "data/: is a directory, expected a file"
 * }</pre>
 */
public final class InputFiles {
  private static final int FILE_TYPE_BITS = 0170000;
  private static final int NAMED_PIPE = 0010000;

  private InputFiles() {}

  public static InputStream open(Path file) throws IOException {
    requireFile(file);
    return Files.newInputStream(file);
  }

  /**
   * Fails unless {@code file} is a regular file or a named pipe.
   *
   * @throws InputFormatException naming the file and what it is instead
   * @throws java.nio.file.NoSuchFileException if it does not exist
   */
  public static void requireFile(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new InputFormatException(file, "is a directory, expected a file");
    }
    if (attributes.isOther() && !isNamedPipe(file)) {
      throw new InputFormatException(file, "is a device or socket, expected a file");
    }
  }

  private static boolean isNamedPipe(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return true; // cannot tell: let reading decide
    }
    int mode = (Integer) Files.getAttribute(file, "unix:mode");
    return (mode & FILE_TYPE_BITS) == NAMED_PIPE;
  }
}
