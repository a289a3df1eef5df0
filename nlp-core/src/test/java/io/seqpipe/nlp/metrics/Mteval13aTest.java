package io.seqpipe.nlp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character loops against the regular expressions they replace, on random and awkward text. */
class Mteval13aTest {
  private static final Pattern[] PATTERNS = {
    Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
    Pattern.compile("([^0-9])([\\.,])"),
    Pattern.compile("([\\.,])([^0-9])"),
    Pattern.compile("([0-9])(-)"),
  };
  private static final String[] REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};

  /** sacrebleu's Tokenizer13a, written with the regular expressions themselves. */
  private static String byRegex(String line) {
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (line.contains("&")) {
      line = line.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    line = " " + line + " ";
    for (int i = 0; i < PATTERNS.length; i++) {
      line = PATTERNS[i].matcher(line).replaceAll(REPLACEMENTS[i]);
    }
    return String.join(" ", PythonText.split(line));
  }

  @Test
  void agreesWithTheRegularExpressionsOnRandomText() {
    String alphabet = "ab1 9.,-'\"&;<>()[]{}/\\:@!?$%#*+=~`^_|\n\tx\u00a0é😀-.,0";
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int k = 0; k < length; k++) {
        int at = random.nextInt(alphabet.length());
        if (Character.isHighSurrogate(alphabet.charAt(at))) {
          text.append(alphabet, at, at + 2);
        } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
          text.append(alphabet.charAt(at));
        }
        if (random.nextInt(20) == 0) {
          text.append(random.nextBoolean() ? "&amp;" : "<skipped>");
        }
      }
      String line = text.toString();
      assertThat(Mteval13a.tokenize(line)).as(line).isEqualTo(byRegex(line));
    }
  }

  @Test
  void agreesOnRealSentences() {
    for (String line : new String[] {"It costs $3.50, really.", "pages 5-7, 1,000.5 items...", "A.B.C. 12.-", "e.g. this"}) {
      assertThat(Mteval13a.tokenize(line)).isEqualTo(byRegex(line));
    }
  }
}
