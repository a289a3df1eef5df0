package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineCommandsTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".pipe") || f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** The examples use real Lucene names: validation against the registry Seqpipe runs with. */
  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidates(Path example) {
    CommandRun run = CommandRun.of("validate", example.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(example + ": a valid ");
  }

  @Test
  void printShowsDefaultsAndOverrides() {
    CommandRun run = CommandRun.of("validate", EXAMPLES.resolve("sentiment.pipe").toString(), "--print",
        "--set", "train.epochs=3", "--set", "train.engine=pytorch");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("pipeline sentiment : classify {", "    epochs 3", "    engine pytorch",
        "    device auto", "    schedule constant", "  pooling attention");
  }

  @Test
  void convertRoundTripsThroughFiles(@TempDir Path dir) throws Exception {
    Path yaml = EXAMPLES.resolve("spam-converted.yaml");
    try {
      assertThat(CommandRun.of("convert", EXAMPLES.resolve("spam.pipe").toString(), "--to", "yaml", "-o", yaml.toString())
          .exitCode()).isZero();
      Path pipe = EXAMPLES.resolve("spam-converted.pipe");
      try {
        assertThat(CommandRun.of("convert", yaml.toString(), "--to", "pipe", "-o", pipe.toString()).exitCode()).isZero();
        var original = PipelineFiles.load(EXAMPLES.resolve("spam.pipe"), List.of(), RegisteredNames.INSTANCE).spec();
        assertThat(PipelineFiles.load(yaml, List.of(), RegisteredNames.INSTANCE).spec()).isEqualTo(original);
        assertThat(PipelineFiles.load(pipe, List.of(), RegisteredNames.INSTANCE).spec()).isEqualTo(original);
      } finally {
        Files.deleteIfExists(pipe);
      }
    } finally {
      Files.deleteIfExists(yaml);
    }
  }

  @Test
  void badPipelineExitsTwoWithLocatedLinesOnly(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.pipe"),
        "pipeline p : classify {\n  data { train \"t.tsv\" }\n  analyzer standard {\n    lowercse\n  }\n}\n");
    CommandRun run = CommandRun.of("validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        bad + ":2:16: file not found: " + dir.resolve("t.tsv"),
        bad + ":2:8: missing 'data.dev': the dev data file, or a dataset",
        bad + ":4:5: unknown token filter 'lowercse'; did you mean 'lowercase'? (known: " 
            + String.join(", ", RegisteredNames.INSTANCE.tokenFilters()) + ")");
  }

  @Test
  void unknownFormatsAndFiles(@TempDir Path dir) {
    CommandRun missing = CommandRun.of("validate", dir.resolve("none.pipe").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo(dir.resolve("none.pipe") + ":1:1: no such file");
    CommandRun txt = CommandRun.of("validate", "notes.txt");
    assertThat(txt.err().strip()).isEqualTo("notes.txt:1:1: expected a .pipe or .yaml pipeline file");
    CommandRun to = CommandRun.of("convert", EXAMPLES.resolve("spam.pipe").toString(), "--to", "json");
    assertThat(to.exitCode()).isEqualTo(2);
    assertThat(to.err().strip()).isEqualTo("seqpipe: unknown format 'json'; expected yaml or pipe");
  }
}
