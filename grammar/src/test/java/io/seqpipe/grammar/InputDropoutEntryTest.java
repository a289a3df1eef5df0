package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code input_dropout} of an encoder and a decoder reads the same from the DSL and YAML, survives both
 * writers, is 0 when absent and is checked against its range.
 */
class InputDropoutEntryTest {
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
    TranslateSpec dsl = (TranslateSpec) parse("""
        pipeline t : translate {
          source de
          target en
          data { train "c"; dev "d" }
          encoder bigru(hidden: 32, input_dropout: 0.25)
          decoder gru(hidden: 64, input_dropout: 0.4)
        }
        """, "t.pipe", Format.PIPE);
    PipelineSpec yaml = parse("""
        pipeline: t
        kind: translate
        source: de
        target: en
        data: {train: c, dev: d}
        encoder: {type: bigru, hidden: 32, input_dropout: 0.25}
        decoder: {type: gru, hidden: 64, input_dropout: 0.4}
        """, "t.yaml", Format.YAML);
    assertThat(dsl.encoder().inputDropout()).isEqualTo(0.25);
    assertThat(dsl.decoder().inputDropout()).isEqualTo(0.4);
    assertThat(dsl.encoder().dropout()).isEqualTo(0.3);
    assertThat(yaml).isEqualTo(dsl);
    assertThat(parse(DslWriter.write(dsl), "w.pipe", Format.PIPE)).isEqualTo(dsl);
    assertThat(parse(YamlWriter.write(dsl), "w.yaml", Format.YAML)).isEqualTo(dsl);
  }

  @Test
  void isZeroWhenAbsent() {
    TranslateSpec spec = (TranslateSpec) parse(
        "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n", "t.pipe", Format.PIPE);
    assertThat(spec.encoder().inputDropout()).isZero();
    assertThat(spec.decoder().inputDropout()).isZero();
  }

  @Test
  void isCheckedAgainstItsRange() {
    assertThatThrownBy(() -> parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n"
        + "  decoder gru(input_dropout: 1.5)\n}\n", "t.pipe", Format.PIPE))
        .hasMessageStartingWith("t.pipe:5:30: ").hasMessageContaining("input_dropout");
  }
}
