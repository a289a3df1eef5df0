package io.seqpipe.grammar.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void problemsAreAlwaysOneLine() {
    Problem problem = new Problem(new Position("bad\nname.pipe", 1, 2), "found \u0007\nhere");
    assertThat(problem.toString()).isEqualTo("bad\\nname.pipe:1:2: found \\u0007\\nhere");
  }
}
