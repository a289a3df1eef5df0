package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example parses, validates, and survives conversion to DSL and to YAML unchanged. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Path> list = files.filter(f -> Format.of(f).isPresent()).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(8);
      return list.stream();
    }
  }

  static LoadedPipeline load(Path file) {
    return PipelineFiles.load(file, List.of(), TestNames.INSTANCE, name -> null);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void roundTripsThroughBothFormats(Path file) {
    LoadedPipeline loaded = load(file);
    PipelineSpec spec = loaded.spec();
    PipelineSpec viaDsl = PipelineFiles.parse(DslWriter.write(spec), "converted.pipe", Format.PIPE,
        loaded.baseDir(), List.of(), TestNames.INSTANCE, name -> null).spec();
    PipelineSpec viaYaml = PipelineFiles.parse(YamlWriter.write(spec), "converted.yaml", Format.YAML,
        loaded.baseDir(), List.of(), TestNames.INSTANCE, name -> null).spec();
    assertThat(viaDsl).isEqualTo(spec);
    assertThat(viaYaml).isEqualTo(spec);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void dslAndYamlTwinsMeanTheSame(Path file) {
    String name = file.getFileName().toString();
    Path twin = file.resolveSibling(name.endsWith(".pipe") ? name.replace(".pipe", ".yaml") : name.replace(".yaml", ".pipe"));
    assertThat(twin).exists();
    assertThat(load(file).spec()).isEqualTo(load(twin).spec());
  }

  @Test
  void examplesCoverEveryKindAndBothLanguagePairs() {
    assertThat(load(EXAMPLES.resolve("sentiment.pipe")).spec().kind()).isEqualTo(PipelineKind.CLASSIFY);
    ClassifySpec spam = (ClassifySpec) load(EXAMPLES.resolve("spam.pipe")).spec();
    assertThat(spam.analyzer().charFilters()).extracting(c -> c.name()).containsExactly("htmlStrip");
    assertThat(spam.embeddings().frozen()).isTrue();
    TranslateSpec esEn = (TranslateSpec) load(EXAMPLES.resolve("translate-es-en-full.pipe")).spec();
    assertThat(esEn.source()).isEqualTo("es");
    assertThat(esEn.search().beamSize()).isEqualTo(5);
    assertThat(esEn.train().epochs()).isEqualTo(15);
    PipelineSpec deEn = load(EXAMPLES.resolve("translate-de-en-full.pipe")).spec();
    assertThat(deEn.encoder().type()).isEqualTo("bigru");
    assertThat(deEn.train().epochs()).isEqualTo(20);
    assertThat(deEn.train().labelSmoothing()).isEqualTo(0.1);
    for (String quick : List.of("translate-es-en.pipe", "translate-de-en.pipe")) {
      PipelineSpec spec = load(EXAMPLES.resolve(quick)).spec();
      assertThat(spec.train().engine()).as(quick).isEqualTo("pytorch");
      assertThat(spec.encoder().hidden()).as(quick).isLessThan(deEn.encoder().hidden());
    }
  }

  @Test
  void defaultsAreFilledIn() {
    PipelineSpec spec = load(EXAMPLES.resolve("sentiment.pipe")).spec();
    assertThat(spec.train().engine()).isEqualTo("mxnet");
    assertThat(spec.train().device()).isEqualTo("auto");
    assertThat(spec.train().schedule().name()).isEqualTo("constant");
    assertThat(spec.data().maxLength()).isEqualTo(400);
    assertThat(DslWriter.write(spec)).contains("engine mxnet", "device auto", "schedule constant");
  }
}
