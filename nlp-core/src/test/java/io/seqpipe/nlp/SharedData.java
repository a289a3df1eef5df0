package io.seqpipe.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the shared test material beside the repository ({@code ../shared}). */
public final class SharedData {
  private SharedData() {}

  /** {@code ../shared/RELATIVE}; fails loudly when the shared folder is missing. */
  public static Path path(String relative) {
    String root = System.getProperty("seqpipe.shared", "../shared");
    Path path = Path.of(root).resolve(relative).normalize();
    if (!Files.exists(path)) {
      throw new AssertionError("missing shared test material: " + path
          + " (tests expect the shared folder beside the repository; set -Dseqpipe.shared=DIR)");
    }
    return path;
  }
}
