package io.seqpipe.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExcerptTest {

  static Stream<Arguments> quotes() {
    return Stream.of(
        Arguments.of("abc", "'abc'"),
        Arguments.of("", "''"),
        Arguments.of("a\tb\r\nc", "'a\\tb\\r\\nc'"),
        Arguments.of("nul\u0000 bell\u0007 del\u007f bom\uFEFF", "'nul\\u0000 bell\\u0007 del\\u007F bom\\uFEFF'"),
        Arguments.of("x".repeat(60), "'" + "x".repeat(60) + "'"),
        Arguments.of("x".repeat(61), "'" + "x".repeat(60) + "...'"),
        Arguments.of("x".repeat(59) + "\uD83D\uDE00tail", "'" + "x".repeat(59) + "...'"),
        Arguments.of("caf\u00e9 \u4e2d\u6587", "'caf\u00e9 \u4e2d\u6587'"));
  }

  @ParameterizedTest
  @MethodSource("quotes")
  void cutsAndEscapes(String input, String quoted) {
    assertThat(Excerpt.quote(input)).isEqualTo(quoted);
  }
}
