package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code data { split_seed N }} reads the same from the DSL and YAML, defaults to the train seed, round-trips. */
class SplitSeedTest {
  @RegisterExtension final TranslateFolder folder = new TranslateFolder();

  @Test
  void readsFromBothLanguagesAndRoundTrips() {
    PipelineSpec dsl = folder.parse("""
        pipeline t : translate {
          source de
          target en
          data { train "c"; dev "d"; test_split 0.1; split_seed 42 }
          train { seed 7 }
        }
        """, "t.pipe", Format.PIPE);
    PipelineSpec yaml = folder.parse("""
        pipeline: t
        kind: translate
        source: de
        target: en
        data: {train: c, dev: d, test_split: 0.1, split_seed: 42}
        train: {seed: 7}
        """, "t.yaml", Format.YAML);
    assertThat(dsl.data().splitSeed(dsl.train().seed())).isEqualTo(42);
    assertThat(yaml).isEqualTo(dsl);
    assertThat(folder.parse(DslWriter.write(dsl), "w.pipe", Format.PIPE)).isEqualTo(dsl);
    assertThat(folder.parse(YamlWriter.write(dsl), "w.yaml", Format.YAML)).isEqualTo(dsl);
  }

  @Test
  void isTheTrainSeedWhenAbsentAndThenNotWritten() {
    PipelineSpec spec = folder.parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n"
        + "  train { seed 9 }\n}\n", "t.pipe", Format.PIPE);
    assertThat(spec.data().splitSeed(spec.train().seed())).isEqualTo(9);
    assertThat(DslWriter.write(spec)).doesNotContain("split_seed");
    assertThat(YamlWriter.write(spec)).doesNotContain("split_seed");
  }

  @Test
  void isSetFromTheCommandLine() throws Exception {
    PipelineSpec spec = folder.load("t.pipe",
        "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n",
        List.of("data.split_seed=3"));
    assertThat(spec.data().splitSeed(42)).isEqualTo(3);
  }
}
