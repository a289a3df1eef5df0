package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.source.ReadLimits;
import io.seqpipe.grammar.source.SourceFiles;
import io.seqpipe.grammar.source.SourceFiles.SourceText;
import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Position;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code include}s of one load, bounded. A file is read once; its expansion (entries and variables)
 * is reused wherever it is included again while the variables it reads are unchanged, so that a file
 * included twice by each of a chain of files costs one expansion per file, not one per path through the
 * chain. Includes may nest {@link ReadLimits#includeDepth()} deep and expand {@link
 * ReadLimits#totalBytes()} of text in all; a file that includes itself, directly or not, is a cycle.
 *
 * <pre>{@code
 * Includes includes = new Includes(files, problems);
 * Block entries = includes.include(directory, "common/train.pipe", position, variables, expand);
 * }</pre>
 */
final class Includes {
  /** Expansions of one file kept for reuse under different variables; older ones are dropped. */
  private static final int KEPT = 8;

  private final SourceFiles files;
  private final ReadLimits limits;
  private final Problems problems;
  private final Deque<SourceText> chain = new ArrayDeque<>();
  private final Map<Path, List<Expansion>> expansions = new HashMap<>();
  private long expanded;
  private int depth;

  Includes(SourceFiles files, Problems problems) {
    this.files = files;
    this.limits = files.limits();
    this.problems = problems;
  }

  /** Counts the top file's text against the total and makes it the start of every include chain. */
  <T> T from(SourceText top, Function<SourceText, T> body) {
    expanded += top.bytes();
    chain.push(top);
    try {
      return body.apply(top);
    } finally {
      chain.pop();
    }
  }

  /**
   * The entries of the file {@code name} (resolved against {@code directory}) included at {@code at}, with
   * its variables defined; an empty block when it cannot be used (the problem is recorded).
   *
   * @param expand reads a file's text into its entries, including what it includes in turn
   */
  Block include(Path directory, String name, Position at, Variables variables, Function<SourceText, Block> expand) {
    Block empty = new Block(List.of(), at);
    Path path;
    try {
      path = directory.resolve(name).normalize();
    } catch (InvalidPathException e) {
      problems.add(at, "cannot include '" + Quote.of(name) + "': not a valid file name");
      return empty;
    }
    if (depth == limits.includeDepth()) {
      problems.add(at, "includes nested more than " + limits.includeDepth() + " files deep");
      return empty;
    }
    SourceText file = files.read(path, at, true, problems);
    if (file == null) {
      return empty;
    }
    if (chain.stream().anyMatch(open -> open.realPath().equals(file.realPath()))) {
      problems.add(at, "include cycle: " + cycle(file));
      return empty;
    }
    List<Expansion> known = expansions.computeIfAbsent(file.realPath(), p -> new ArrayList<>());
    for (Expansion expansion : known) {
      if (variables.replay(expansion.recording())) {
        return new Block(expansion.entries().entries(), at);
      }
    }
    if (expanded + file.bytes() > limits.totalBytes()) {
      problems.add(at, "includes expand to more than " + ReadLimits.size(limits.totalBytes())
          + " of pipeline text in all");
      return empty;
    }
    expanded += file.bytes();
    variables.startRecording();
    chain.push(file);
    depth++;
    Block entries;
    Variables.Recording recording;
    try {
      entries = expand.apply(file);
    } finally {
      depth--;
      chain.pop();
      recording = variables.stopRecording();
    }
    if (known.size() == KEPT) {
      known.remove(0);
    }
    known.add(new Expansion(recording, entries));
    return new Block(entries.entries(), at);
  }

  /**
   * {@code a.pipe -> b.pipe -> a.pipe}: the chain from the first inclusion of {@code again} to it, each
   * file named relative to the directory of the file that includes {@code again}.
   */
  private String cycle(SourceText again) {
    Path here = chain.peek().path().toAbsolutePath().normalize().getParent();
    List<String> names = new ArrayList<>();
    for (Iterator<SourceText> inward = chain.descendingIterator(); inward.hasNext(); ) {
      SourceText open = inward.next();
      if (!names.isEmpty() || open.realPath().equals(again.realPath())) {
        names.add(relative(here, open.path()));
      }
    }
    names.add(relative(here, again.path()));
    return String.join(" -> ", names);
  }

  private static String relative(Path directory, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      return Quote.of(directory.relativize(absolute).toString(), Quote.PATH_LIMIT);
    } catch (IllegalArgumentException e) {
      return Quote.of(absolute.toString(), Quote.PATH_LIMIT);
    }
  }

  private record Expansion(Variables.Recording recording, Block entries) {}
}
