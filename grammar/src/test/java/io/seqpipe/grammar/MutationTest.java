package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Valid files, mutated at random (tokens deleted, duplicated, swapped): reading them must give a spec
 * or positioned problems, never any other exception.
 */
class MutationTest {
  private static final Pattern TOKEN = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|[A-Za-z_][A-Za-z0-9_\\-]*|-?[0-9.eE+]+|\\$\\{[^}]*}|\\s+|.");
  private static final Pattern LOCATED = Pattern.compile("[^\\n]+:\\d+:\\d+: .+");

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }

  @Test
  void mutatedFilesGiveASpecOrLocatedProblems() throws Exception {
    Random random = new Random(2024);
    int specs = 0;
    int rejected = 0;
    for (Path example : ExamplesTest.examples().toList()) {
      String text = Files.readString(example);
      Format format = Format.of(example).orElseThrow();
      List<String> original = tokens(text);
      for (int trial = 0; trial < 300; trial++) {
        List<String> mutated = new ArrayList<>(original);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
          int at = random.nextInt(mutated.size());
          switch (random.nextInt(3)) {
            case 0 -> mutated.remove(at);
            case 1 -> mutated.add(at, mutated.get(at));
            default -> Collections.swap(mutated, at, random.nextInt(mutated.size()));
          }
        }
        String source = "mutant-" + example.getFileName();
        try {
          PipelineFiles.parse(String.join("", mutated), source, format, example.toAbsolutePath().getParent(),
              List.of(), TestNames.INSTANCE, name -> null);
          specs++;
        } catch (PipelineException e) {
          rejected++;
          assertThat(e.problems()).isNotEmpty();
          for (Problem problem : e.problems()) {
            assertThat(problem.toString()).as(String.join("", mutated)).matches(LOCATED).startsWith(source + ":");
          }
        }
      }
    }
    assertThat(rejected).isGreaterThan(1000);
    assertThat(specs).isPositive();
  }
}
