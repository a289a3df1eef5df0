package io.seqpipe.pipelines.run;

import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.FileErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The output directory of a run, claimed before any work is done: created if need be, marked as a run
 * of its pipeline by a first line in {@code OUT/.seqpipe-run}, and refused (one line naming it) when it
 * cannot be created or written, or when it holds anything but a run of the same pipeline, so that a
 * mistyped {@code --out} never replaces someone's files. A rerun of the same pipeline resumes there.
 *
 * <pre>{@code
 * RunDirectory.claim(Path.of("runs/sentiment"), "sentiment");   // then read the data, train, write
 * }</pre>
 */
final class RunDirectory {
  /** The marker file, whose first line is the name of the pipeline that runs there. */
  static final String MARKER = ".seqpipe-run";

  private RunDirectory() {}

  static void claim(Path out, String pipeline) throws IOException {
    Path marker = out.resolve(MARKER);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + ": not a directory; choose a directory for --out");
    }
    if (Files.isDirectory(out) && !isEmpty(out)) {
      String owner = owner(marker);
      if (owner == null) {
        throw new IllegalArgumentException(out + ": not empty and not a Seqpipe run (no " + MARKER
            + "); choose a new or empty directory for --out");
      }
      if (!owner.equals(pipeline)) {
        throw new IllegalArgumentException(out + ": holds a run of pipeline " + Quote.quoted(owner)
            + ", not '" + pipeline + "'; choose another directory for --out");
      }
    }
    try {
      Files.createDirectories(out);
    } catch (FileSystemException e) {
      throw new IllegalArgumentException(out + ": cannot create the output directory (" + FileErrors.reason(e) + ")");
    }
    try {
      AtomicFiles.writeString(marker, pipeline + "\n");
    } catch (FileSystemException e) {
      throw new IllegalArgumentException(out + ": cannot write in the output directory (" + FileErrors.reason(e) + ")");
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The pipeline named by the marker's first line, or null when there is no marker. */
  private static String owner(Path marker) throws IOException {
    if (!Files.isRegularFile(marker)) {
      return null;
    }
    try (BufferedReader reader = Files.newBufferedReader(marker, StandardCharsets.ISO_8859_1)) {
      String first = reader.readLine();
      return first == null ? "" : first.strip();
    }
  }
}
