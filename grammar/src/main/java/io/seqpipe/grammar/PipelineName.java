package io.seqpipe.grammar;

import io.seqpipe.grammar.tree.Node.Block;
import io.seqpipe.grammar.tree.Node.Entry;
import io.seqpipe.grammar.tree.Node.Scalar;
import io.seqpipe.grammar.tree.Problems;
import io.seqpipe.nlp.Quote;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for a pipeline's name, whatever wrote it (DSL, YAML, {@code --set pipeline=...}): the DSL's
 * NAME token, a letter or {@code _} then letters, digits, {@code _} and {@code -}, and not a keyword. The
 * run directory is named after the pipeline, so a name such as {@code ../escaped} must never pass.
 *
 * <pre>{@code
 * PipelineName.check(root, problems); // "t.yaml:1:11: pipeline name '../escaped' is not a name: ..."
 * }</pre>
 */
final class PipelineName {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_\\-]*");
  private static final Set<String> KEYWORDS = Set.of("include", "let", "pipeline", "true", "false");

  private PipelineName() {}

  /** Reports a {@code pipeline} name in {@code root} that breaks the rule, at the name. */
  static void check(Block root, Problems problems) {
    for (Entry entry : root.entries()) {
      if ("pipeline".equals(entry.key()) && entry.value() instanceof Scalar name
          && name.kind() != Scalar.Kind.BOOL && !isName(name.text())) {
        problems.add(name.position(), "pipeline name '" + Quote.of(name.text()) + "' is not a name: start with a"
            + " letter or _, then use letters, digits, _ and - (it names the run directory)");
      }
    }
  }

  static boolean isName(String text) {
    return NAME.matcher(text).matches() && !KEYWORDS.contains(text);
  }
}
