package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code input_dropout} and {@code word_dropout} of an encoder and a decoder read the same from the DSL and
 * YAML, survive both writers, are 0 when absent and are checked against their range.
 */
class InputDropoutEntryTest {
  @RegisterExtension final TranslateFolder folder = new TranslateFolder();

  @Test
  void readsFromBothLanguagesAndRoundTrips() {
    TranslateSpec dsl = (TranslateSpec) folder.parse("""
        pipeline t : translate {
          source de
          target en
          data { train "c"; dev "d" }
          encoder bigru(hidden: 32, input_dropout: 0.25, word_dropout: 0.1)
          decoder gru(hidden: 64, input_dropout: 0.4, word_dropout: 0.2)
        }
        """, "t.pipe", Format.PIPE);
    PipelineSpec yaml = folder.parseYaml("""
        encoder: {type: bigru, hidden: 32, input_dropout: 0.25, word_dropout: 0.1}
        decoder: {type: gru, hidden: 64, input_dropout: 0.4, word_dropout: 0.2}
        """);
    assertThat(dsl.encoder().inputDropout()).isEqualTo(0.25);
    assertThat(dsl.decoder().inputDropout()).isEqualTo(0.4);
    assertThat(dsl.encoder().wordDropout()).isEqualTo(0.1);
    assertThat(dsl.decoder().wordDropout()).isEqualTo(0.2);
    assertThat(dsl.encoder().dropout()).isEqualTo(0.3);
    assertThat(yaml).isEqualTo(dsl);
    assertThat(folder.parse(DslWriter.write(dsl), "w.pipe", Format.PIPE)).isEqualTo(dsl);
    assertThat(folder.parse(YamlWriter.write(dsl), "w.yaml", Format.YAML)).isEqualTo(dsl);
  }

  @Test
  void isZeroWhenAbsent() {
    TranslateSpec spec = (TranslateSpec) folder.parse(
        "pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n}\n", "t.pipe", Format.PIPE);
    assertThat(spec.encoder().inputDropout()).isZero();
    assertThat(spec.decoder().inputDropout()).isZero();
    assertThat(spec.encoder().wordDropout()).isZero();
    assertThat(spec.decoder().wordDropout()).isZero();
  }

  @Test
  void isCheckedAgainstItsRange() {
    assertThatThrownBy(() -> folder.parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n"
        + "  decoder gru(input_dropout: 1.5)\n}\n", "t.pipe", Format.PIPE))
        .hasMessageStartingWith("t.pipe:5:30: ").hasMessageContaining("input_dropout");
    assertThatThrownBy(() -> folder.parse("pipeline t : translate {\n  source de\n  target en\n  data { train \"c\"; dev \"d\" }\n"
        + "  encoder bigru(word_dropout: -0.1)\n}\n", "t.pipe", Format.PIPE))
        .hasMessageStartingWith("t.pipe:5:31: ").hasMessageContaining("word_dropout");
  }
}
