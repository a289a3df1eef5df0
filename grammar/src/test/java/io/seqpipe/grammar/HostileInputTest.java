package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text written to break the reader: deep nesting, huge lines, control characters, YAML anchors and
 * names that would escape the run directory. Each must give exactly these located one-line problems.
 */
class HostileInputTest {
  static final String NESTED = "nested more than 100 levels deep ({, ( and [ together); a pipeline needs only a few";
  static final String HEAD = "pipeline p : classify {\n  data { train \"pom.xml\"; dev \"pom.xml\" }\n";
  static final String YAML_HEAD = "pipeline: p\nkind: classify\ndata: {train: pom.xml, dev: pom.xml}\n";
  static final String NAME_RULE = "is not a name: start with a letter or _, then use letters, digits, _ and - (it names the run directory)";
  static final String MEGA = "x".repeat(1 << 20);
  static final String CUT = "x".repeat(57) + "...";

  static Stream<Arguments> cases() {
    return Stream.of(
        // nesting in the DSL stops at the bracket that goes too deep, before the parser could overflow
        dsl("2,000 nested lists", "pipeline p : classify {\n  x " + "[".repeat(2_000) + "\n}\n", "t.pipe:2:104: " + NESTED),
        dsl("100,000 nested lists", "pipeline p : classify {\n  x " + "[".repeat(100_000) + "\n}\n", "t.pipe:2:104: " + NESTED),
        dsl("2,000 nested blocks", "pipeline p : classify {\n" + "a { ".repeat(2_000) + "\n}\n", "t.pipe:2:399: " + NESTED),
        dsl("100,000 nested blocks, closed", "pipeline p : classify {\n" + "a { ".repeat(100_000) + "}".repeat(100_000) + "\n}\n",
            "t.pipe:2:399: " + NESTED),
        dsl("2,000 nested calls", "pipeline p : classify {\n  x " + "f(".repeat(2_000) + "\n}\n", "t.pipe:2:204: " + NESTED),
        dsl("100 levels are fine", HEAD + "  x " + "[".repeat(99) + "]".repeat(99) + "\n}\n",
            "t.pipe:3:3: unknown entry 'x' (known: analyzer, calendar, data, decoder, embeddings, encoder, evaluate, head, kind, pipeline, pooling, scale, search, source, sweep, target, train, vocabulary, window)"),
        // YAML keeps Jackson's limit and message
        yaml("2,000 nested YAML lists", YAML_HEAD + "x: " + "[".repeat(2_000) + "\n",
            "t.yaml:4:1004: malformed YAML: Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"),
        yaml("100,000 nested YAML lists", YAML_HEAD + "x: " + "[".repeat(100_000) + "\n",
            "t.yaml:4:1004: malformed YAML: Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"),
        // quoted input is cut and escaped
        dsl("a 1 MB string where a number belongs", HEAD + "  train { epochs \"" + MEGA + "\" }\n}\n",
            "t.pipe:3:18: expected a whole number for 'train.epochs', found the string \"" + CUT + "\""),
        dsl("a 1 MB number", HEAD + "  train { epochs 1" + "0".repeat(1 << 20) + " }\n}\n",
            "t.pipe:3:18: expected a whole number for 'train.epochs', found the number 1" + "0".repeat(56) + "..."),
        dsl("a 1 MB string where the block belongs", "pipeline p : classify \"" + MEGA + "\"\n",
            "t.pipe:1:23: unexpected '\"" + "x".repeat(56) + "...' expected '{'"),
        dsl("a 1 MB undefined variable", HEAD + "  train { epochs ${" + MEGA + "} }\n}\n",
            "t.pipe:3:18: undefined variable '" + CUT + "': no 'let " + CUT + "' before it, no environment variable, and no default (${" + CUT + ":-default})"),
        dsl("an unclosed 1 MB variable", HEAD + "  epochs ${" + MEGA + "\n}\n",
            "t.pipe:3:10: unexpected character '${" + "x".repeat(55) + "...'"),
        dsl("a 1 MB pooling name", HEAD + "  pooling " + MEGA + "\n}\n",
            "t.pipe:3:11: unknown pooling '" + CUT + "' (known: attention, last, max, mean)"),
        dsl("a 1 MB call name with an unnamed argument", HEAD + "  encoder " + MEGA + "(1)\n}\n",
            "t.pipe:3:11: unknown encoder '" + CUT + "' (known: bigru, bilstm, gru, lstm)",
            "t.pipe:3:1048588: " + CUT + "(...) takes only named arguments (name: value)"),
        dsl("a 1 MB number out of range", HEAD + "  train { label_smoothing 1" + "0".repeat(1 << 20) + " }\n}\n",
            "t.pipe:3:27: 'train.label_smoothing' must be between 0 and 0.99, found 1" + "0".repeat(56) + "..."),
        dsl("a 1 MB device", HEAD + "  train { device \"" + MEGA + "\" }\n}\n",
            "t.pipe:3:18: unknown device '" + CUT + "'; expected auto, cpu, gpu or gpu:N"),
        dsl("a 1 MB token filter", HEAD + "  analyzer standard {\n    " + MEGA + " 1\n  }\n}\n",
            "t.pipe:4:1048582: unexpected the number 1 after token filter '" + CUT + "': write parameters as " + CUT
                + "(name: value), one filter a line"),
        dsl("a 1 MB source language", "pipeline t : translate {\n  source \"" + MEGA + "\"\n  target en\n"
                + "  data { train \"pom.xml\"; dev \"pom.xml\" }\n}\n",
            "t.pipe:2:10: expected a language code for 'source' (like de, en, pt-BR), found '" + CUT + "'"),
        dsl("a long missing file", "pipeline p : classify {\n  data { train \"" + "d/".repeat(500) + "\"; dev \"pom.xml\" }\n}\n",
            "t.pipe:2:16: file not found: " + "d/".repeat(148) + "d..."),
        dsl("a bell in a string", HEAD + "  train { epochs \"ring\u0007\" }\n}\n",
            "t.pipe:3:18: expected a whole number for 'train.epochs', found the string \"ring\\u0007\""),
        dsl("an escape sequence in a stray token", "pipeline p : classify {\n  \u001b[2J\n}\n",
            "t.pipe:2:3: unexpected character '\\u001b'", "t.pipe:2:4: unexpected '[' expected {'}', ';', a name, a new line}"),
        yaml("a long duplicate YAML key", "pipeline: p\n" + "x".repeat(1000) + ": 1\n" + "x".repeat(1000) + ": 2\n",
            "t.yaml:3:1: duplicate key '" + CUT + "' (first on line 2)"),
        yaml("a 1 MB YAML key", "pipeline: p\n" + MEGA + ": 1\n", "t.yaml:1:12: malformed YAML: while scanning a simple key"),
        // anchors and aliases are refused where they are written
        yaml("YAML alias", YAML_HEAD + "train: {epochs: &e 3, batch: *e}\n",
            "t.yaml:4:30: YAML anchors and aliases are not supported: write the value out instead of *e"),
        yaml("YAML alias of a mapping", YAML_HEAD + "train: &t {epochs: 3}\nencoder: *t\n",
            "t.yaml:5:10: YAML anchors and aliases are not supported: write the value out instead of *t"),
        yaml("YAML merge key", YAML_HEAD + "train:\n  <<: *b\n",
            "t.yaml:5:7: YAML anchors and aliases are not supported: write the value out instead of *b"),
        // the pipeline name follows the DSL's rule whatever wrote it
        yaml("YAML name that leaves the runs directory", "pipeline: ../escaped\nkind: classify\ndata: {train: pom.xml, dev: pom.xml}\n",
            "t.yaml:1:11: pipeline name '../escaped' " + NAME_RULE),
        yaml("YAML name with a control character", "pipeline: \"a\\x07b\"\nkind: classify\ndata: {train: pom.xml, dev: pom.xml}\n",
            "t.yaml:1:11: pipeline name 'a\\u0007b' " + NAME_RULE),
        yaml("YAML name that is a number", "pipeline: 42\nkind: classify\ndata: {train: pom.xml, dev: pom.xml}\n",
            "t.yaml:1:11: pipeline name '42' " + NAME_RULE),
        yaml("YAML name that is a keyword", "pipeline: include\nkind: classify\ndata: {train: pom.xml, dev: pom.xml}\n",
            "t.yaml:1:11: pipeline name 'include' " + NAME_RULE));
  }

  private static Arguments dsl(String name, String text, String... expected) {
    return Arguments.of(name, "t.pipe", text, List.of(expected));
  }

  private static Arguments yaml(String name, String text, String... expected) {
    return Arguments.of(name, "t.yaml", text, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(20)
  void reportsExactlyTheseProblems(String name, String source, String text, List<String> expected) {
    Format format = source.endsWith(".pipe") ? Format.PIPE : Format.YAML;
    assertThatThrownBy(() -> PipelineFiles.parse(text, source, format, Path.of("."), List.of(), TestNames.INSTANCE, n -> null))
        .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems().stream().map(Problem::toString))
            .containsExactlyElementsOf(expected));
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        Arguments.of("pipeline=../escaped", "--set pipeline:1:1: pipeline name '../escaped' " + NAME_RULE),
        Arguments.of("train.epochs=" + "[".repeat(100_000),
            "--set train.epochs:1:1: expected a whole number for 'train.epochs', found the string \"" + "[".repeat(57) + "...\""),
        Arguments.of("x".repeat(1000) + "=1", "--set " + CUT + ":1:1: unknown entry '" + CUT + "' (known: analyzer, calendar, data, decoder, embeddings, encoder, evaluate, head, kind, pipeline, pooling, scale, search, source, sweep, target, train, vocabulary, window)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void overridesAreHeldToTheSameRules(String override, String expected) {
    String text = "pipeline p : classify {\n  data { train \"pom.xml\"; dev \"pom.xml\" }\n}\n";
    assertThatThrownBy(() -> PipelineFiles.parse(text, "t.pipe", Format.PIPE, Path.of("."), List.of(override),
            TestNames.INSTANCE, n -> null))
        .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.problems().stream().map(Problem::toString))
            .containsExactly(expected));
  }
}
