package io.seqpipe.grammar.dsl;

import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.write.SpecTree;
import io.seqpipe.grammar.write.SpecTree.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a spec as a {@code .pipe} file, every value explicit: it prints {@link SpecTree}, so reading
 * it back gives an equal spec.
 *
 * <pre>{@code
 * String text = DslWriter.write(spec);
 * }</pre>
 */
public final class DslWriter {
  private static final Set<String> KEYWORDS = Set.of("include", "let", "pipeline", "true", "false");

  private DslWriter() {}

  public static String write(PipelineSpec spec) {
    Map<String, Object> tree = SpecTree.of(spec);
    StringBuilder out = new StringBuilder();
    out.append("pipeline ").append(spec.name()).append(" : ").append(spec.kind().id()).append(" {\n");
    tree.remove("pipeline");
    tree.remove("kind");
    block(out, 1, tree);
    return out.append("}\n").toString();
  }

  /**
   * One value of a spec, as a sweep's grid holds it (a number, a boolean, text, a list, a {@link
   * io.seqpipe.grammar.spec.ComponentSpec}), written as the DSL and {@code --set KEY=VALUE} read it:
   * {@code text(new ComponentSpec("adam", Map.of("lr", 0.001)))} is {@code adam(lr: 0.001)}.
   */
  public static String text(Object specValue) {
    return value(SpecTree.value(specValue));
  }

  private static void block(StringBuilder out, int depth, Map<String, Object> entries) {
    String indent = "  ".repeat(depth);
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      out.append(indent).append(entry.getKey());
      if (entry.getValue() instanceof Map<?, ?> nested) {
        out.append(" {\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> children = (Map<String, Object>) nested;
        block(out, depth + 1, children);
        out.append(indent).append("}\n");
      } else {
        out.append(' ').append(value(entry.getValue())).append('\n');
      }
    }
  }

  private static String value(Object value) {
    if (value instanceof Component component) {
      if (component.params().isEmpty()) {
        return component.name();
      }
      List<String> arguments = new ArrayList<>();
      component.params().forEach((name, param) -> arguments.add(name + ": " + value(param)));
      return component.name() + "(" + String.join(", ", arguments) + ")";
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(DslWriter::value).toList()) + "]";
    }
    if (value instanceof String text) {
      return text.matches("[a-zA-Z_][a-zA-Z0-9_]*") && !KEYWORDS.contains(text) ? text : quote(text);
    }
    return String.valueOf(value); // numbers (Double.toString reads back exactly) and booleans
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '$' -> out.append("\\$");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
