package io.seqpipe.grammar;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two ways to write a pipeline: the DSL ({@code .pipe}) and YAML ({@code .yaml}, {@code .yml}). */
public enum Format {
  PIPE,
  YAML;

  /** The format a file name says, if any. */
  public static Optional<Format> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pipe")) {
      return Optional.of(PIPE);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }
}
