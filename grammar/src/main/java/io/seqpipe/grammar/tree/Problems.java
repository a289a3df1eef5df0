package io.seqpipe.grammar.tree;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found, so that one run reports them all, not just the first. */
public final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Position position, String message) {
    problems.add(new Problem(position, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(problems);
  }

  /** Throws a {@link PipelineException} if anything was found. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new PipelineException(list());
    }
  }
}
