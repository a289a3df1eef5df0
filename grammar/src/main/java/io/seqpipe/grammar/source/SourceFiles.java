package io.seqpipe.grammar.source;

import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads pipeline files for one load, within {@link ReadLimits}: only regular files (never a device, a
 * FIFO or a directory), at most {@code fileBytes} each (reading one byte more to tell), strict UTF-8.
 * Each file is read once and known by its real path, so that two names for one file are one file.
 *
 * <pre>{@code
 * SourceFiles files = new SourceFiles(ReadLimits.DEFAULT);
 * SourceText file = files.read(path, new Position(path.toString(), 1, 1), false, problems); // null if unusable
 * }</pre>
 */
public final class SourceFiles {
  private final ReadLimits limits;
  private final Map<Path, SourceText> read = new HashMap<>();
  private int reads;

  public SourceFiles(ReadLimits limits) {
    this.limits = limits;
  }

  public ReadLimits limits() {
    return limits;
  }

  /** How many files were actually read from disk (a file named again is not read again). */
  public int reads() {
    return reads;
  }

  /**
   * The text of {@code file}, or null with a problem at {@code at}: the file itself when {@code included}
   * is false, else the {@code include} that names it (whose message then names the file).
   */
  public SourceText read(Path file, Position at, boolean included, Problems problems) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      problems.add(at, included ? "included file not found: " + shown(file) : "no such file");
      return null;
    } catch (IOException | SecurityException e) {
      problems.add(at, cannotRead(file, included, String.valueOf(e.getMessage())));
      return null;
    }
    SourceText known = read.get(real);
    if (known != null) {
      return new SourceText(file, real, known.text(), known.bytes());
    }
    if (!Files.isRegularFile(real)) {
      problems.add(at, cannotRead(file, included, Files.isDirectory(real) ? "it is a directory"
          : "not a regular file (a device, a pipe or a socket)"));
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(real)) {
      bytes = in.readNBytes(limits.fileBytes() + 1);
    } catch (IOException | SecurityException e) {
      problems.add(at, cannotRead(file, included, String.valueOf(e.getMessage())));
      return null;
    }
    reads++;
    if (bytes.length > limits.fileBytes()) {
      problems.add(at, cannotRead(file, included, "larger than " + ReadLimits.size(limits.fileBytes())
          + ", the limit for a pipeline file"));
      return null;
    }
    String text = Utf8Text.decode(bytes, bytes.length, file.toString(), problems);
    if (text == null) {
      return null;
    }
    SourceText source = new SourceText(file, real, text, bytes.length);
    read.put(real, source);
    return source;
  }

  private static String cannotRead(Path file, boolean included, String why) {
    return (included ? "cannot read included file " + shown(file) : "cannot read") + ": " + Quote.of(why, Quote.PATH_LIMIT);
  }

  private static String shown(Path file) {
    return Quote.of(file.toString(), Quote.PATH_LIMIT);
  }

  /** A file's text; {@code path} is the name it was read by, {@code realPath} what identifies it. */
  public record SourceText(Path path, Path realPath, String text, int bytes) {
    /** The name positions in this file carry. */
    public String name() {
      return path.toString();
    }
  }
}
