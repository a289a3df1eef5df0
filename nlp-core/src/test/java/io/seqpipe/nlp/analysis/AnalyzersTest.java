package io.seqpipe.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.analysis.AnalyzerSpec.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzersTest {

  private static List<String> tokens(AnalyzerSpec spec, String text) {
    try (Tokenizer tokenizer = Tokenizer.of(spec)) {
      return tokenizer.tokens(text);
    }
  }

  @Test
  void presetsAnalyzeAsLuceneDefines() {
    assertThat(tokens(AnalyzerSpec.preset("standard"), "The Cats, running!")).containsExactly("the", "cats", "running");
    assertThat(tokens(AnalyzerSpec.preset("english"), "The cats were running")).containsExactly("cat", "were", "run");
    assertThat(tokens(AnalyzerSpec.preset("whitespace"), "Keep CASE, here")).containsExactly("Keep", "CASE,", "here");
    assertThat(tokens(AnalyzerSpec.preset("keyword"), "one token")).containsExactly("one token");
    assertThat(tokens(AnalyzerSpec.preset("german"), "Die Häuser")).containsExactly("haus");
    assertThat(tokens(AnalyzerSpec.preset("spanish"), "Los niños corren")).containsExactly("niñ", "corren");
    assertThat(tokens(AnalyzerSpec.preset("cjk"), "日本語")).containsExactly("日本", "本語");
  }

  @Test
  void wordPunctKeepsCaseAndPunctuation() {
    assertThat(tokens(AnalyzerSpec.preset("wordpunct"), "Hello, World! It's 3.5 km..."))
        .containsExactly("Hello", ",", "World", "!", "It", "'", "s", "3", ".", "5", "km", "...");
  }

  @Test
  void customChainBySpiNames() {
    AnalyzerSpec spec = AnalyzerSpec.chain(List.of(Component.of("htmlStrip")), Component.of("standard"),
        List.of(Component.of("lowercase"), Component.of("stop", Map.of("words", "english")),
            Component.of("porterStem")));
    assertThat(tokens(spec, "<b>The</b> Connected connections")).containsExactly("connect", "connect");
  }

  @Test
  void namedStopListOfAnotherLanguage() {
    AnalyzerSpec spec = AnalyzerSpec.chain(List.of(), Component.of("standard"),
        List.of(Component.of("lowercase"), Component.of("stop", Map.of("words", "german"))));
    assertThat(tokens(spec, "Der Hund und die Katze")).containsExactly("hund", "katze");
  }

  @Test
  void stopListFromAFileBesideThePipeline(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("stop.txt"), "hund\n");
    AnalyzerSpec spec = AnalyzerSpec.chain(List.of(), Component.of("standard"),
        List.of(Component.of("lowercase"), Component.of("stop", Map.of("words", "stop.txt"))));
    try (Tokenizer tokenizer = Tokenizer.of(Analyzers.create(spec, dir))) {
      assertThat(tokenizer.tokens("Der Hund")).containsExactly("der");
    }
  }

  @Test
  void unknownNamesListWhatIsAvailable() {
    assertThatThrownBy(() -> Analyzers.create(AnalyzerSpec.preset("englsh")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown analyzer preset 'englsh'; available: ")
        .hasMessageContaining("english");
    assertThatThrownBy(() -> Analyzers.create(AnalyzerSpec.chain(List.of(), Component.of("standrd"), List.of())))
        .hasMessageStartingWith("unknown tokenizer 'standrd'; available: ").hasMessageContaining("whitespace");
    assertThatThrownBy(() -> Analyzers.create(
            AnalyzerSpec.chain(List.of(), Component.of("standard"), List.of(Component.of("lowercas")))))
        .hasMessageStartingWith("unknown token filter 'lowercas'; available: ").hasMessageContaining("lowercase");
    assertThatThrownBy(() -> Analyzers.create(
            AnalyzerSpec.chain(List.of(Component.of("nope")), Component.of("standard"), List.of())))
        .hasMessageStartingWith("unknown char filter 'nope'; available: ").hasMessageContaining("htmlStrip");
  }

  @Test
  void unknownParametersAreRefused() {
    assertThatThrownBy(() -> Analyzers.create(AnalyzerSpec.chain(List.of(), Component.of("standard"),
            List.of(Component.of("lowercase", Map.of("bogus", "1"))))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "Hello, big World";
    List<Token> tokens = Tokenizer.of(AnalyzerSpec.preset("standard")).tokensWithOffsets(text);
    assertThat(tokens).containsExactly(new Token("hello", 0, 5), new Token("big", 7, 10), new Token("world", 11, 16));
    assertThat(text.substring(tokens.get(2).start(), tokens.get(2).end())).isEqualTo("World");
  }

  @Test
  void oneTokenizerServesManyThreads() {
    Tokenizer tokenizer = Tokenizer.of(AnalyzerSpec.preset("english"));
    List<String> texts = IntStream.range(0, 2000).mapToObj(i -> "running dogs number " + i).toList();
    List<List<String>> sequential = texts.stream().map(tokenizer::tokens).toList();
    List<List<String>> parallel = texts.parallelStream().map(tokenizer::tokens).toList();
    assertThat(parallel).isEqualTo(sequential);
    assertThat(sequential.get(7)).containsExactly("run", "dog", "number", "7");
  }

  @Test
  void presetNamesAreListed() {
    assertThat(Analyzers.presetNames()).contains("standard", "whitespace", "keyword", "english", "german",
        "spanish", "french", "cjk", "wordpunct");
  }
}
