package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.source.ReadLimits;
import io.seqpipe.grammar.source.SourceFiles;
import io.seqpipe.grammar.source.SourceFiles.SourceText;
import io.seqpipe.grammar.tree.Blocks;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Reads a {@code .pipe} file into a tree whose root holds {@code pipeline} (the name), {@code kind} and
 * the pipeline's entries: the same shape a YAML file has.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * Block root = new DslReader(System::getenv, problems).read(Path.of("sentiment.pipe"));
 * problems.throwIfAny();
 * }</pre>
 *
 * <p>{@code include "file"} (resolved beside the including file) brings in a file of variables and
 * entries; the including file's entries override included ones key by key. Reading is bounded by
 * {@link ReadLimits}: file sizes, include depth, the total text, and how deep brackets nest.
 */
public final class DslReader {
  private final Function<String, String> environment;
  private final Problems problems;
  private final SourceFiles files;
  private final Includes includes;

  public DslReader(Function<String, String> environment, Problems problems) {
    this(environment, problems, new SourceFiles(ReadLimits.DEFAULT));
  }

  /** A reader whose files, the one named and those it includes, are read through {@code files}. */
  public DslReader(Function<String, String> environment, Problems problems, SourceFiles files) {
    this.environment = environment;
    this.problems = problems;
    this.files = files;
    this.includes = new Includes(files, problems);
  }

  /** Reads {@code file}; problems go to the collector and the result is null if the file is unusable. */
  public Block read(Path file) {
    SourceText top = files.read(file, new Position(file.toString(), 1, 1), false, problems);
    return top == null ? null : includes.from(top,
        text -> read(text.text(), text.name(), file.toAbsolutePath().normalize().getParent()));
  }

  /** Reads pipeline text named {@code source}; includes are resolved against {@code directory}. */
  public Block read(String text, String source, Path directory) {
    Variables variables = new Variables(environment, problems);
    int before = problems.list().size();
    PipelineParser parser = BoundedParser.of(text, source, files.limits().nesting(), problems);
    if (parser == null) {
      return null;
    }
    PipelineParser.FileContext file = parser.file();
    if (problems.list().size() > before) {
      return null;
    }
    TreeBuilder builder = new TreeBuilder(source, variables, problems);
    Block included = new Block(List.of(), new Position(source, 1, 1));
    for (PipelineParser.HeaderContext header : file.header()) {
      included = header(header, builder, variables, directory, included);
    }
    PipelineParser.PipelineContext pipeline = file.pipeline();
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry("pipeline", new Scalar(Scalar.Kind.NAME, pipeline.name.getText(),
        builder.position(pipeline.name)), builder.position(pipeline.name)));
    entries.add(new Entry("kind", new Scalar(Scalar.Kind.NAME, pipeline.kind.getText(),
        builder.position(pipeline.kind)), builder.position(pipeline.kind)));
    entries.addAll(builder.block(pipeline.block()).entries());
    Block own = new Block(entries, builder.position(pipeline.getStart()));
    return Blocks.overlay(included, own);
  }

  /** A {@code let} defines its variable; an {@code include} adds the file's entries to {@code included}. */
  private Block header(ParserRuleContext header, TreeBuilder builder, Variables variables, Path directory,
      Block included) {
    if (header instanceof PipelineParser.LetContext let) {
      variables.define(let.NAME().getText(), builder.value(let.value()));
      return included;
    }
    PipelineParser.IncludeContext include = (PipelineParser.IncludeContext) header;
    String name = include.STRING().getText();
    Block entries = includes.include(directory, name.substring(1, name.length() - 1),
        builder.position(include.getStart()), variables, file -> fragment(file, variables));
    return Blocks.overlay(included, entries);
  }

  /** An included file: its variables join the includer's, its entries are returned. */
  private Block fragment(SourceText file, Variables variables) {
    Position start = new Position(file.name(), 1, 1);
    Block empty = new Block(List.of(), start);
    int before = problems.list().size();
    PipelineParser parser = BoundedParser.of(file.text(), file.name(), files.limits().nesting(), problems);
    if (parser == null) {
      return empty;
    }
    PipelineParser.FragmentFileContext fragment = parser.fragmentFile();
    if (problems.list().size() > before) {
      return empty;
    }
    TreeBuilder builder = new TreeBuilder(file.name(), variables, problems);
    Block included = empty;
    List<Entry> entries = new ArrayList<>();
    for (ParserRuleContext child : fragment.getRuleContexts(ParserRuleContext.class)) {
      if (child instanceof PipelineParser.EntryContext entry) {
        entries.add(builder.entry(entry));
      } else if (child instanceof PipelineParser.HeaderContext) {
        included = header(child, builder, variables, file.path().getParent(), included);
      }
    }
    return Blocks.overlay(included, new Block(entries, start));
  }
}
