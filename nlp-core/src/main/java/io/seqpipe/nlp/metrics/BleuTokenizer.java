package io.seqpipe.nlp.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tokenizations sacrebleu applies before counting n-grams, by its names: {@code 13a} (the default,
 * mteval-v13a), {@code intl} (mteval-v14 international), {@code char} and {@code none}.
 *
 * <pre>{@code
 * BleuTokenizer.forName("13a").tokenize("Hello, world!");  // "Hello , world !"
 * }</pre>
 */
public enum BleuTokenizer {
  THIRTEEN_A("13a") {
    @Override
    public String tokenize(String line) {
      return Mteval13a.tokenize(line);
    }
  },
  INTL("intl") {
    private final Pattern[] patterns = {
      Pattern.compile("(\\P{N})(\\p{P})"),
      Pattern.compile("(\\p{P})(\\P{N})"),
      Pattern.compile("(\\p{S})"),
    };
    private final String[] replacements = {"$1 $2 ", " $1 $2", " $1 "};

    @Override
    public String tokenize(String line) {
      return applyAndNormalizeSpaces(line, patterns, replacements);
    }
  },
  CHAR("char") {
    @Override
    public String tokenize(String line) {
      return line.codePoints().mapToObj(Character::toString).collect(Collectors.joining(" "));
    }
  },
  NONE("none") {
    @Override
    public String tokenize(String line) {
      return line;
    }
  };

  private final String id;

  BleuTokenizer(String id) {
    this.id = id;
  }

  /** The tokenized line: tokens separated by single spaces. */
  public abstract String tokenize(String line);

  /** The name in sacrebleu's signature ({@code tok:13a}). */
  public String id() {
    return id;
  }

  public static BleuTokenizer forName(String name) {
    for (BleuTokenizer tokenizer : values()) {
      if (tokenizer.id.equals(name)) {
        return tokenizer;
      }
    }
    throw new IllegalArgumentException("unknown BLEU tokenizer '" + name + "'; available: "
        + Arrays.stream(values()).map(BleuTokenizer::id).collect(Collectors.joining(", ")));
  }

  private static String applyAndNormalizeSpaces(String line, Pattern[] patterns, String[] replacements) {
    for (int i = 0; i < patterns.length; i++) {
      Matcher matcher = patterns[i].matcher(line);
      if (matcher.find()) {
        line = matcher.replaceAll(replacements[i]);
      }
    }
    List<String> tokens = PythonText.split(line);
    return String.join(" ", tokens);
  }
}
