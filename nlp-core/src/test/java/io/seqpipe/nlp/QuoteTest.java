package io.seqpipe.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a quoted fragment of user input looks like in a message. */
class QuoteTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("plain text", "abc", "abc"),
        Arguments.of("bell", "a\u0007b", "a\\u0007b"),
        Arguments.of("escape sequence", "\u001b[31mred", "\\u001b[31mred"),
        Arguments.of("line breaks and tabs", "one\r\ntwo\tthree", "one\\r\\ntwo\\tthree"),
        Arguments.of("delete", "a\u007fb", "a\\u007fb"),
        Arguments.of("right-to-left override", "abc\u202edef", "abc\\u202edef"),
        Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
        Arguments.of("nul and byte-order mark", "nul\u0000 bom\ufeff", "nul\\u0000 bom\\ufeff"),
        Arguments.of("lone surrogate", "a\ud800b", "a\\ud800b"),
        Arguments.of("accents and emoji stay", "café \ud83d\ude00", "café \ud83d\ude00"),
        Arguments.of("exactly the limit", "x".repeat(60), "x".repeat(60)),
        Arguments.of("one over the limit", "x".repeat(61), "x".repeat(57) + "..."),
        Arguments.of("a 1 MB line", "y".repeat(1 << 20), "y".repeat(57) + "..."),
        Arguments.of("escapes are never split", "\u0007".repeat(30), "\\u0007".repeat(9) + "..."),
        Arguments.of("emoji are never split", "x".repeat(56) + "\ud83d\ude00".repeat(3), "x".repeat(56) + "..."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quotes(String name, String text, String expected) {
    assertThat(Quote.of(text)).isEqualTo(expected);
    assertThat(Quote.of(text).length()).isLessThanOrEqualTo(Quote.LIMIT);
  }

  @Test
  void escapesWithoutCutting() {
    assertThat(Quote.escape("z".repeat(100) + "\n")).isEqualTo("z".repeat(100) + "\\n");
  }

  @Test
  void quotesInSingleQuotes() {
    assertThat(Quote.quoted("a\tb")).isEqualTo("'a\\tb'");
    assertThat(Quote.quoted("x".repeat(61))).isEqualTo("'" + "x".repeat(57) + "...'");
  }
}
