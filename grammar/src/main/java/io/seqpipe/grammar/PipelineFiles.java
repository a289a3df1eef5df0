package io.seqpipe.grammar;

import io.seqpipe.grammar.bind.SpecBinder;
import io.seqpipe.grammar.dsl.DslReader;
import io.seqpipe.grammar.source.ReadLimits;
import io.seqpipe.grammar.source.SourceFiles;
import io.seqpipe.grammar.source.SourceFiles.SourceText;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problem;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.grammar.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads, overrides and validates pipeline files, DSL or YAML, into a {@link PipelineSpec}. Reading is
 * bounded by {@link ReadLimits#DEFAULT}: a file too large, too deeply nested or with too many includes is
 * a located problem like any other.
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
    Problems problems = new Problems();
    SourceFiles files = new SourceFiles(ReadLimits.DEFAULT);
    Block root;
    if (format.get() == Format.PIPE) {
      root = new DslReader(environment, problems, files).read(file);
    } else {
      SourceText text = files.read(file, start, false, problems);
      root = text == null ? null : new YamlReader(problems).read(text.text(), text.name());
    }
    return bind(root, file.toAbsolutePath().normalize().getParent(), overrides, names, problems);
  }

  /** Like {@link #load} for text already in memory, named {@code source}. */
  public static LoadedPipeline parse(String text, String source, Format format, Path baseDir, List<String> overrides,
      ComponentNames names, Function<String, String> environment) {
    Problems problems = new Problems();
    Block root = format == Format.PIPE
        ? new DslReader(environment, problems).read(text, source, baseDir)
        : new YamlReader(problems).read(text, source);
    return bind(root, baseDir, overrides, names, problems);
  }

  private static LoadedPipeline bind(Block root, Path baseDir, List<String> overrides, ComponentNames names,
      Problems problems) {
    problems.throwIfAny();
    Block overridden = Overrides.apply(root, overrides, problems);
    PipelineName.check(overridden, problems);
    PipelineSpec spec = new SpecBinder(names, baseDir, problems).bind(overridden);
    problems.throwIfAny();
    return new LoadedPipeline(spec, baseDir);
  }
}
