package io.seqpipe.nlp.analysis;

import io.seqpipe.nlp.analysis.AnalyzerSpec.Chain;
import io.seqpipe.nlp.analysis.AnalyzerSpec.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The files an analyzer reads: values of Lucene component parameters that name resources (a stop
 * filter's {@code words}, a mapping char filter's {@code mapping}, ...; comma-separated lists allowed),
 * except the bundled Snowball word lists named by language. A model directory carries copies of them,
 * so that it analyzes text the same way wherever it is.
 *
 * <pre>{@code
 * List<String> files = AnalyzerResources.files(spec);                       // [res/stop.txt]
 * AnalyzerSpec moved = AnalyzerResources.relocate(spec, path -> "resources/" + Path.of(path).getFileName());
 * }</pre>
 */
public final class AnalyzerResources {
  /** Lucene analysis parameters whose values are resource files. */
  public static final Set<String> PARAMETERS =
      Set.of("words", "protected", "articles", "synonyms", "mapping", "dictionary", "affix", "types", "hyphenator");

  private AnalyzerResources() {}

  /** Word lists that {@code words} may name instead of a file ({@code english}, {@code german}, ...). */
  public static Set<String> bundledWordLists() {
    return Analyzers.SNOWBALL_STOP_LISTS;
  }

  /** The files the analyzer reads, as written (relative to the directory it is resolved against), in order. */
  public static List<String> files(AnalyzerSpec spec) {
    List<String> files = new ArrayList<>();
    relocate(spec, path -> {
      if (!files.contains(path)) {
        files.add(path);
      }
      return path;
    });
    return files;
  }

  /** The same analyzer with every file path replaced by {@code move}'s answer. */
  public static AnalyzerSpec relocate(AnalyzerSpec spec, UnaryOperator<String> move) {
    if (!(spec instanceof Chain chain)) {
      return spec;
    }
    return new Chain(relocate(chain.charFilters(), move), relocate(chain.tokenizer(), move),
        relocate(chain.tokenFilters(), move));
  }

  private static List<Component> relocate(List<Component> components, UnaryOperator<String> move) {
    return components.stream().map(component -> relocate(component, move)).toList();
  }

  private static Component relocate(Component component, UnaryOperator<String> move) {
    Map<String, String> params = new LinkedHashMap<>(component.params());
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (PARAMETERS.contains(param.getKey())) {
        List<String> parts = new ArrayList<>();
        for (String part : param.getValue().split(",")) {
          String path = part.trim();
          parts.add(path.isEmpty() || bundledWordLists().contains(path) ? path : move.apply(path));
        }
        param.setValue(String.join(",", parts));
      }
    }
    return Component.of(component.name(), params);
  }
}
