package io.seqpipe.grammar;

import java.util.Set;

/**
 * Component names for the grammar's own tests: a fixed sample of Lucene's SPI names and the presets.
 * The runtime's registry (pipelines module) supplies the real, complete sets.
 */
final class TestNames implements ComponentNames {
  static final TestNames INSTANCE = new TestNames();

  @Override
  public Set<String> analyzerPresets() {
    return Set.of("standard", "whitespace", "keyword", "english", "german", "spanish", "wordpunct");
  }

  @Override
  public Set<String> tokenizers() {
    return Set.of("standard", "whitespace", "keyword", "pattern", "classic");
  }

  @Override
  public Set<String> tokenFilters() {
    return Set.of("lowercase", "stop", "porterStem", "asciiFolding", "snowballPorter");
  }

  @Override
  public Set<String> charFilters() {
    return Set.of("htmlStrip", "mapping", "patternReplace");
  }

  @Override
  public Set<String> datasets() {
    return Set.of("uci-sentiment", "spam-assassin");
  }

  @Override
  public Set<String> vectorDatasets() {
    return Set.of("glove-6b-100d");
  }

  @Override
  public Set<String> resourceParameters() {
    return Set.of("words", "dictionary", "protected");
  }

  @Override
  public Set<String> bundledWordLists() {
    return Set.of("english", "german", "spanish");
  }
}
