package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.grammar.spec.SweepSpec.Range;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline's sweep block: the same from the DSL and YAML, printed back unchanged, and apart from the run. */
class SweepBlockTest {
  @TempDir static Path dir;

  @BeforeAll
  static void dataFiles() throws Exception {
    Files.writeString(dir.resolve("train.tsv"), "x\n");
    Files.writeString(dir.resolve("dev.tsv"), "x\n");
  }

  static final String DSL = """
      pipeline p : classify {
        data { train "train.tsv"; dev "dev.tsv" }
        encoder bilstm(hidden: 32)
        sweep {
          grid {
            encoder.hidden [16, 64]
            train.optimizer [adam(lr: 1e-3), sgd]
            pooling mean
          }
          random 6
          range {
            train.label_smoothing [0.01, 0.2, log]
            train.batch [8, 64]
          }
          halving true
          seed 7
        }
      }
      """;

  static final String YAML = """
      pipeline: p
      kind: classify
      data: {train: train.tsv, dev: dev.tsv}
      encoder: {type: bilstm, hidden: 32}
      sweep:
        grid:
          encoder.hidden: [16, 64]
          train.optimizer: [{type: adam, lr: 1.0e-3}, sgd]
          pooling: mean
        random: 6
        range:
          train.label_smoothing: [0.01, 0.2, log]
          train.batch: [8, 64]
        halving: true
        seed: 7
      """;

  static PipelineSpec parse(String text, Format format, List<String> overrides) {
    return PipelineFiles.parse(text, format == Format.PIPE ? "t.pipe" : "t.yaml", format, dir, overrides,
        TestNames.INSTANCE, name -> null).spec();
  }

  @Test
  void theBlockIsReadWithEveryValueTyped() {
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    grid.put("encoder.hidden", List.of(16L, 64L));
    grid.put("train.optimizer", List.of(new ComponentSpec("adam", Map.of("lr", 1e-3)), "sgd"));
    grid.put("pooling", List.of("mean"));
    Map<String, Range> ranges = new LinkedHashMap<>();
    ranges.put("train.label_smoothing", new Range(0.01, 0.2, true, false));
    ranges.put("train.batch", new Range(8, 64, false, true));
    PipelineSpec spec = parse(DSL, Format.PIPE, List.of());
    assertThat(spec.sweep()).isEqualTo(new SweepSpec(grid, ranges, 6, true, 7));
    assertThat(spec.sweep().grid().keySet()).containsExactly("encoder.hidden", "train.optimizer", "pooling");
    // the pipeline itself keeps its own values: a run ignores the block
    assertThat(spec.encoder().hidden()).isEqualTo(32);
    assertThat(spec.train().batchSize()).isEqualTo(32);
  }

  @Test
  void dslAndYamlMeanTheSameAndBothPrintBackUnchanged() {
    PipelineSpec spec = parse(DSL, Format.PIPE, List.of());
    assertThat(parse(YAML, Format.YAML, List.of())).isEqualTo(spec);
    String dsl = DslWriter.write(spec);
    assertThat(dsl).contains("  sweep {\n    grid {\n      encoder.hidden [16, 64]\n      train.optimizer [adam(lr: 0.001), sgd]\n",
        "      train.label_smoothing [0.01, 0.2, log]\n      train.batch [8, 64]\n", "    halving true\n    seed 7\n");
    assertThat(parse(dsl, Format.PIPE, List.of())).isEqualTo(spec);
    assertThat(parse(YamlWriter.write(spec), Format.YAML, List.of())).isEqualTo(spec);
  }

  @Test
  void aPipelineWithoutABlockHasNoSweepAndPrintsNone() {
    PipelineSpec spec = parse("pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n}\n",
        Format.PIPE, List.of());
    assertThat(spec.sweep()).isNull();
    assertThat(DslWriter.write(spec)).doesNotContain("sweep");
    assertThat(YamlWriter.write(spec)).doesNotContain("sweep");
  }

  @Test
  void overridesReachTheBlockAndTheBlockChecksTheOverriddenPipeline() {
    SweepSpec sweep = parse(DSL, Format.PIPE, List.of("sweep.random=3", "sweep.halving=false")).sweep();
    assertThat(sweep.random()).isEqualTo(3);
    assertThat(sweep.halving()).isFalse();
  }

  @Test
  void valuesAreWrittenAsSetTakesThem() {
    assertThat(DslWriter.text(new ComponentSpec("adam", Map.of("lr", 1e-3)))).isEqualTo("adam(lr: 0.001)");
    assertThat(DslWriter.text(64L)).isEqualTo("64");
    assertThat(DslWriter.text(3e-5)).isEqualTo("3.0E-5");
    assertThat(DslWriter.text("data/a b.tsv")).isEqualTo("\"data/a b.tsv\"");
    assertThat(DslWriter.text(List.of("accuracy", "f1_macro"))).isEqualTo("[accuracy, f1_macro]");
  }

  @Test
  void aSweepTooLargeToCheckIsRefusedAtTheEntry() {
    String many = String.join(", ", Collections.nCopies(1001, "8"));
    String text = "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n  sweep { grid {\n"
        + "    encoder.hidden [" + many + "]\n  } }\n}\n";
    assertThatThrownBy(() -> parse(text, Format.PIPE, List.of()))
        .hasMessage("t.pipe:4:5: a sweep lists at most 1000 values in all");
    String product = "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n  sweep {\n    grid {\n"
        + "      encoder.hidden [" + String.join(", ", Collections.nCopies(400, "8")) + "]\n"
        + "      encoder.layers [" + String.join(", ", Collections.nCopies(400, "1")) + "]\n    }\n  }\n}\n";
    assertThatThrownBy(() -> parse(product, Format.PIPE, List.of()))
        .hasMessage("t.pipe:4:10: the grid has more than 100000 combinations; draw some of them with random N");
  }
}
