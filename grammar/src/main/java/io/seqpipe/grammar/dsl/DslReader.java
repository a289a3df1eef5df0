package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.tree.Blocks;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
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
 * entries; the including file's entries override included ones key by key.
 */
public final class DslReader {
  private final Function<String, String> environment;
  private final Problems problems;
  private final Deque<Path> including = new ArrayDeque<>();

  public DslReader(Function<String, String> environment, Problems problems) {
    this.environment = environment;
    this.problems = problems;
  }

  /** Reads {@code file}; problems go to the collector and the result is null if the file is unusable. */
  public Block read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return read(text, file.toString(), file.toAbsolutePath().getParent());
  }

  /** Reads pipeline text named {@code source}; includes are resolved against {@code directory}. */
  public Block read(String text, String source, Path directory) {
    Variables variables = new Variables(environment, problems);
    PipelineParser parser = parser(text, source);
    int before = problems.list().size();
    PipelineParser.FileContext file = parser.file();
    if (problems.list().size() > before) {
      return null;
    }
    TreeBuilder builder = new TreeBuilder(source, variables, problems);
    Block included = headers(file.header(), builder, variables, directory);
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

  private Block headers(List<PipelineParser.HeaderContext> headers, TreeBuilder builder, Variables variables,
      Path directory) {
    Block included = new Block(List.of(), new Position("", 1, 1));
    for (PipelineParser.HeaderContext header : headers) {
      if (header instanceof PipelineParser.LetContext let) {
        variables.define(let.NAME().getText(), builder.value(let.value()));
      } else {
        PipelineParser.IncludeContext include = (PipelineParser.IncludeContext) header;
        Position position = builder.position(include.getStart());
        String name = include.STRING().getText();
        Path path = directory.resolve(name.substring(1, name.length() - 1)).normalize();
        included = Blocks.overlay(included, fragment(path, position, variables));
      }
    }
    return included;
  }

  /** An included file: its variables join the includer's, its entries are returned. */
  private Block fragment(Path path, Position position, Variables variables) {
    Block empty = new Block(List.of(), position);
    if (including.contains(path)) {
      problems.add(position, "include cycle: " + path + " includes itself");
      return empty;
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(position, "included file not found: " + path);
      return empty;
    } catch (IOException e) {
      problems.add(position, "cannot read included file " + path + ": " + e.getMessage());
      return empty;
    }
    including.push(path);
    try {
      String source = path.toString();
      PipelineParser parser = parser(text, source);
      int before = problems.list().size();
      PipelineParser.FragmentFileContext fragment = parser.fragmentFile();
      if (problems.list().size() > before) {
        return empty;
      }
      TreeBuilder builder = new TreeBuilder(source, variables, problems);
      Block included = empty;
      List<Entry> entries = new ArrayList<>();
      for (ParserRuleContext child : fragment.getRuleContexts(ParserRuleContext.class)) {
        if (child instanceof PipelineParser.LetContext let) {
          variables.define(let.NAME().getText(), builder.value(let.value()));
        } else if (child instanceof PipelineParser.IncludeContext include) {
          String name = include.STRING().getText();
          Path nested = path.getParent().resolve(name.substring(1, name.length() - 1)).normalize();
          included = Blocks.overlay(included, fragment(nested, builder.position(include.getStart()), variables));
        } else if (child instanceof PipelineParser.EntryContext entry) {
          entries.add(builder.entry(entry));
        }
      }
      return Blocks.overlay(included, new Block(entries, position));
    } finally {
      including.pop();
    }
  }

  private PipelineParser parser(String text, String source) {
    SyntaxErrors errors = new SyntaxErrors(source, problems);
    PipelineLexer lexer = new PipelineLexer(CharStreams.fromString(text, source));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    PipelineParser parser = new PipelineParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    return parser;
  }
}
