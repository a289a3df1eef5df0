package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected outputs worked out by hand from mteval-v13a's rules and sacrebleu's tokenizers. */
class BleuTokenizerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hello, world!|Hello , world !",
      "It costs $3.50, really.|It costs $ 3.50 , really .",
      "1,000 people-ish|1,000 people-ish",
      "pages 5-7|pages 5 - 7",
      "a&amp;b &lt;tag&gt;|a & b < tag >",
      "He said &quot;no&quot;.|He said \" no \" .",
      "don't|don't",
      "x<skipped>y|xy",
      "e.g. this|e . g . this",
      "(a)[b]{c}|( a ) [ b ] { c }"})
  void thirteenA(String input, String expected) {
    assertThat(BleuTokenizer.THIRTEEN_A.tokenize(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hello, world!|Hello , world !",
      "It's 3.5€.|It ' s 3.5 € .",
      "¿Qué?|¿ Qué ?"})
  void international(String input, String expected) {
    assertThat(BleuTokenizer.INTL.tokenize(input)).isEqualTo(expected);
  }

  @Test
  void charSplitsEveryCodePoint() {
    assertThat(BleuTokenizer.CHAR.tokenize("ab c😀")).isEqualTo("a b   c 😀");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> BleuTokenizer.forName("14a"))
        .hasMessage("unknown BLEU tokenizer '14a'; available: 13a, intl, char, none");
  }
}
