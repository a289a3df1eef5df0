package io.seqpipe.nlp.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatParserTest {

  private static float parse(String text) {
    return FloatParser.parse(text, 0, text.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.0", "1", "0.418", "-0.0021", "+3.25", "1e-3", "2.5E+10", ".5", "5.",
      "123456789012345678901234", "0.000000000000000000000000001234", "1e-40", "3.4028235e38", "NaN",
      "Infinity", "-1.17549435E-38"})
  void agreesWithTheJdk(String text) {
    // boxed: Float.equals treats NaN as equal to itself and tells -0.0 from 0.0
    assertThat(Float.valueOf(parse(text))).isEqualTo(Float.valueOf(Float.parseFloat(text)));
  }

  /** Random decimals of the shapes embedding files use: exact agreement with Float.parseFloat. */
  @Test
  void agreesWithTheJdkOnRandomDecimals() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8) - 4);
      String text = String.format(Locale.ROOT, "%." + (1 + random.nextInt(8)) + "f", value);
      assertThat(parse(text)).as(text).isEqualTo(Float.parseFloat(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "abc", "1.2.3", "1e", "1x", "--1", "1f"})
  void rejectsWhatIsNotANumber(String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(NumberFormatException.class);
  }
}
