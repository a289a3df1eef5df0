package io.seqpipe.grammar.spec;

import java.util.List;

/**
 * The text analyzer: a preset ({@code analyzer english}) or a chain of Lucene components by SPI name
 * ({@code analyzer standard { lowercase; stop(words: english) }}: tokenizer, then char filters and token
 * filters).
 *
 * @param preset the preset's name, or null for a chain
 * @param tokenizer the chain's tokenizer (null for a preset)
 */
public record AnalyzerChoice(String preset, ComponentSpec tokenizer, List<ComponentSpec> charFilters,
    List<ComponentSpec> filters) {

  public AnalyzerChoice {
    charFilters = List.copyOf(charFilters);
    filters = List.copyOf(filters);
  }

  public static AnalyzerChoice preset(String name) {
    return new AnalyzerChoice(name, null, List.of(), List.of());
  }

  public boolean isPreset() {
    return preset != null;
  }
}
