package io.seqpipe.grammar;

import java.util.Set;

/**
 * The names of components that live outside the grammar module, so that pipelines can be validated
 * against them: Lucene analysis components (by SPI name, case-insensitive), analyzer presets and
 * dataset recipes. The runtime supplies the real ones; no pipeline file can name anything else.
 */
public interface ComponentNames {
  Set<String> analyzerPresets();

  Set<String> tokenizers();

  Set<String> tokenFilters();

  Set<String> charFilters();

  Set<String> datasets();
}
