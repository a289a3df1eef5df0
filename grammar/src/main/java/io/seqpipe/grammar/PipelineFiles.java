package io.seqpipe.grammar;

import io.seqpipe.grammar.bind.SpecBinder;
import io.seqpipe.grammar.dsl.DslReader;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problem;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.grammar.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads, overrides and validates pipeline files, DSL or YAML, into a {@link PipelineSpec}.
 *
 * <pre>{@code
 * LoadedPipeline loaded = PipelineFiles.load(Path.of("sentiment.pipe"), List.of("train.epochs=3"), names);
 * }</pre>
 *
 * @see PipelineException for what a bad file gives: every problem as {@code FILE:LINE:COL: message}
 */
public final class PipelineFiles {
  private PipelineFiles() {}

  public static LoadedPipeline load(Path file, List<String> overrides, ComponentNames names) {
    return load(file, overrides, names, System::getenv);
  }

  /**
   * @param environment looks up environment variables for {@code ${NAME}}
   * @throws PipelineException listing every problem found
   */
  public static LoadedPipeline load(Path file, List<String> overrides, ComponentNames names,
      Function<String, String> environment) {
    Position start = new Position(file.toString(), 1, 1);
    Optional<Format> format = Format.of(file);
    if (format.isEmpty()) {
      throw new PipelineException(List.of(new Problem(start,
          "expected a .pipe or .yaml pipeline file")));
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PipelineException(List.of(new Problem(start,
          Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file")));
    }
    Path baseDir = file.toAbsolutePath().normalize().getParent();
    return parse(text, file.toString(), format.get(), baseDir, overrides, names, environment);
  }

  /** Like {@link #load} for text already in memory, named {@code source}. */
  public static LoadedPipeline parse(String text, String source, Format format, Path baseDir, List<String> overrides,
      ComponentNames names, Function<String, String> environment) {
    Problems problems = new Problems();
    Block root = format == Format.PIPE
        ? new DslReader(environment, problems).read(text, source, baseDir)
        : new YamlReader(problems).read(text, source);
    problems.throwIfAny();
    Block overridden = Overrides.apply(root, overrides, problems);
    PipelineSpec spec = new SpecBinder(names, baseDir, problems).bind(overridden);
    problems.throwIfAny();
    return new LoadedPipeline(spec, baseDir);
  }
}
