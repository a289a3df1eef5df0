package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TextPipelineSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code subword} entry in both formats: read, filled in, and printed back to an equal spec. */
class SubwordEntryTest {
  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    for (String name : List.of("c.de", "c.en", "d.de", "d.en", "spm.model", "de.model", "en.model")) {
      Files.writeString(dir.resolve(name), "x\n");
    }
  }

  static TextPipelineSpec parse(String text, Format format) {
    return (TextPipelineSpec) PipelineFiles.parse(text, format == Format.PIPE ? "t.pipe" : "t.yaml", format, dir,
        List.of(), TestNames.INSTANCE, name -> null).spec();
  }

  static TextPipelineSpec translate(String subword) {
    return parse(MalformedInputTest.translate(subword), Format.PIPE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"subword bpe", "subword bpe(merges: 500, joint: false)", "subword bpe(merges: 500, target: false)",
      "subword sentencepiece(\"spm.model\")", "subword sentencepiece(source: \"de.model\", target: \"en.model\")",
      "subword sentencepiece(source: \"de.model\")", "subword sentencepiece(target: \"en.model\")"})
  void roundTripsThroughBothFormats(String entry) {
    TextPipelineSpec spec = translate(entry);
    assertThat(spec.subword()).isNotNull();
    assertThat(parse(DslWriter.write(spec), Format.PIPE)).isEqualTo(spec);
    assertThat(parse(YamlWriter.write(spec), Format.YAML)).isEqualTo(spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"subword bpe(target: false)", "subword { type bpe; target false }"})
  void bpeSplitsBothSidesUnlessTold(String entry) {
    assertThat(translate("subword bpe").subword().params()).containsEntry("source", true).containsEntry("target", true);
    assertThat(translate(entry).subword().params()).containsEntry("source", true).containsEntry("target", false);
    String yaml = "pipeline: t\nkind: translate\nsource: de\ntarget: en\ndata: {train: c, dev: d}\n"
        + "subword: {type: bpe, target: false}\n";
    assertThat(parse(yaml, Format.YAML)).isEqualTo(translate(entry));
  }

  @ParameterizedTest
  @ValueSource(strings = {"subword sentencepiece(\"spm.model\")", "subword sentencepiece(model: \"spm.model\")",
      "subword { type sentencepiece; model \"spm.model\" }"})
  void aSentencePieceModelIsAFileParameter(String entry) {
    TextPipelineSpec spec = translate(entry);
    assertThat(spec.subword()).isEqualTo(new ComponentSpec("sentencepiece", Map.of("model", "spm.model")));
    assertThat(DslWriter.write(spec)).contains("subword sentencepiece(model: \"spm.model\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sentencepiece(\"spm.model\")", "bpe(merges: 300)"})
  void classifyPipelinesTakeSubwordUnitsToo(String units) {
    String text = MalformedInputTest.HEAD.replace("train.tsv", "c.de").replace("dev.tsv", "d.de") + "  subword " + units
        + "\n}\n";
    TextPipelineSpec spec = parse(text, Format.PIPE);
    assertThat(spec.subword().name()).isEqualTo(units.substring(0, units.indexOf('(')));
    assertThat(parse(YamlWriter.write(spec), Format.YAML)).isEqualTo(spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"subword:\n  type: sentencepiece\n  model: spm.model\n",
      "subword: {type: sentencepiece, model: spm.model}\n"})
  void yamlNamesTheSameModel(String entry) {
    String yaml = "pipeline: t\nkind: translate\nsource: de\ntarget: en\ndata: {train: c, dev: d}\n" + entry;
    assertThat(parse(yaml, Format.YAML)).isEqualTo(translate("subword sentencepiece(\"spm.model\")"));
  }
}
