package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void printsABashScriptThatCompletesEveryCommand() {
    CommandRun run = CommandRun.of("completion");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_seqpipe",
        "init", "run", "train", "evaluate", "predict", "translate", "forecast", "average", "data", "validate", "convert", "score", "completion",
        "--log-format", "--quiet");
  }
}
