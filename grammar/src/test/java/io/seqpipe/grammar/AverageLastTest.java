package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code train { average_last N }} reads the same from the DSL and YAML and survives both writers. */
class AverageLastTest {
  @RegisterExtension final TranslateFolder folder = new TranslateFolder();

  @Test
  void readsFromBothLanguagesAndRoundTrips() {
    PipelineSpec dsl = folder.parse("""
        pipeline t : translate {
          source de
          target en
          data { train "c"; dev "d" }
          train { epochs 8; average_last 5 }
        }
        """, "t.pipe", Format.PIPE);
    PipelineSpec yaml = folder.parseYaml("""
        train: {epochs: 8, average_last: 5}
        """);
    assertThat(dsl.train().averageLast()).isEqualTo(5);
    assertThat(yaml).isEqualTo(dsl);
    assertThat(DslWriter.write(dsl)).contains("average_last 5");
    assertThat(YamlWriter.write(dsl)).contains("average_last: 5");
    assertThat(folder.parse(DslWriter.write(dsl), "w.pipe", Format.PIPE)).isEqualTo(dsl);
    assertThat(folder.parse(YamlWriter.write(dsl), "w.yaml", Format.YAML)).isEqualTo(dsl);
  }

  @Test
  void isOffWhenAbsentAndThenNotWritten() {
    PipelineSpec spec = folder.parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n",
        "t.pipe", Format.PIPE);
    assertThat(spec.train().averageLast()).isZero();
    assertThat(DslWriter.write(spec)).doesNotContain("average_last");
    assertThat(YamlWriter.write(spec)).doesNotContain("average_last");
  }

  @Test
  void isSetFromTheCommandLine() throws Exception {
    PipelineSpec spec = folder.load("t.pipe",
        "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n",
        List.of("train.average_last=3"));
    assertThat(spec.train().averageLast()).isEqualTo(3);
  }
}
