package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train { average_last N }} reads the same from the DSL and YAML and survives both writers. */
class AverageLastTest {
  @TempDir Path dir;

  @BeforeEach
  void dataFiles() throws Exception {
    for (String file : List.of("c.de", "c.en", "d.de", "d.en")) {
      Files.writeString(dir.resolve(file), "x\n");
    }
  }

  private PipelineSpec parse(String text, String name, Format format) {
    return PipelineFiles.parse(text, name, format, dir, List.of(), TestNames.INSTANCE, n -> null).spec();
  }

  @Test
  void readsFromBothLanguagesAndRoundTrips() {
    PipelineSpec dsl = parse("""
        pipeline t : translate {
          source de
          target en
          data { train "c"; dev "d" }
          train { epochs 8; average_last 5 }
        }
        """, "t.pipe", Format.PIPE);
    PipelineSpec yaml = parse("""
        pipeline: t
        kind: translate
        source: de
        target: en
        data: {train: c, dev: d}
        train: {epochs: 8, average_last: 5}
        """, "t.yaml", Format.YAML);
    assertThat(dsl.train().averageLast()).isEqualTo(5);
    assertThat(yaml).isEqualTo(dsl);
    assertThat(DslWriter.write(dsl)).contains("average_last 5");
    assertThat(YamlWriter.write(dsl)).contains("average_last: 5");
    assertThat(parse(DslWriter.write(dsl), "w.pipe", Format.PIPE)).isEqualTo(dsl);
    assertThat(parse(YamlWriter.write(dsl), "w.yaml", Format.YAML)).isEqualTo(dsl);
  }

  @Test
  void isOffWhenAbsentAndThenNotWritten() {
    PipelineSpec spec = parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n",
        "t.pipe", Format.PIPE);
    assertThat(spec.train().averageLast()).isZero();
    assertThat(DslWriter.write(spec)).doesNotContain("average_last");
    assertThat(YamlWriter.write(spec)).doesNotContain("average_last");
  }

  @Test
  void isSetFromTheCommandLine() throws Exception {
    Path file = Files.writeString(dir.resolve("t.pipe"),
        "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n");
    PipelineSpec spec = PipelineFiles.load(file, List.of("train.average_last=3"), TestNames.INSTANCE, n -> null).spec();
    assertThat(spec.train().averageLast()).isEqualTo(3);
  }
}
