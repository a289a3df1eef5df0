package io.seqpipe.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetokenizerTest {
  private final Tokenizer wordPunct = Tokenizer.of(AnalyzerSpec.preset("wordpunct"));

  /** wordpunct tokenization followed by detokenization gives the sentence back. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Hello, world!",
      "I don't know (really).",
      "He said \"no\" and left.",
      "¿Dónde está la casa?",
      "A well-known fact: 100% true; isn't it?",
      "In the beginning God created the heavens and the earth.",
      "Es gibt sie in den unterschiedlichsten Varianten.",
      "I’ve made one or two modifications to the original design.",
      "Prices [in 2024] rose."})
  void roundTripsOrdinarySentences(String sentence) {
    assertThat(Detokenizer.DEFAULT.detokenize(wordPunct.tokens(sentence))).isEqualTo(sentence);
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void emptyInputGivesEmptyText(String nothing) {
    assertThat(Detokenizer.DEFAULT.detokenize(List.of())).isEqualTo(nothing);
  }
}
