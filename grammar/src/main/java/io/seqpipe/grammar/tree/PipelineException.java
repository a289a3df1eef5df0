package io.seqpipe.grammar.tree;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline that cannot be used, with every problem found; the message has one {@code FILE:LINE:COL:
 * message} line per problem.
 */
public final class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public PipelineException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
