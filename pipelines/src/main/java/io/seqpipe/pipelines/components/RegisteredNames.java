package io.seqpipe.pipelines.components;

import io.seqpipe.grammar.ComponentNames;
import io.seqpipe.nlp.analysis.AnalyzerResources;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.pipelines.datasets.DatasetRecipe;
import io.seqpipe.pipelines.datasets.DatasetRecipes;
import java.util.Set;

/**
 * The component names a pipeline file may use, from the components Seqpipe actually has: Lucene's
 * analysis SPI names, the analyzer presets of {@link Analyzers}, the files analysis components read, and
 * the dataset recipes.
 *
 * <pre>{@code
 * LoadedPipeline loaded = PipelineFiles.load(path, overrides, RegisteredNames.INSTANCE);
 * }</pre>
 */
public final class RegisteredNames implements ComponentNames {
  public static final RegisteredNames INSTANCE = new RegisteredNames();

  private final Set<String> presets = Analyzers.presetNames();
  private final Set<String> tokenizers = Analyzers.tokenizerNames();
  private final Set<String> tokenFilters = Analyzers.tokenFilterNames();
  private final Set<String> charFilters = Analyzers.charFilterNames();

  private RegisteredNames() {}

  @Override
  public Set<String> analyzerPresets() {
    return presets;
  }

  @Override
  public Set<String> tokenizers() {
    return tokenizers;
  }

  @Override
  public Set<String> tokenFilters() {
    return tokenFilters;
  }

  @Override
  public Set<String> charFilters() {
    return charFilters;
  }

  /** The labelled-text recipes of {@link DatasetRecipes}. */
  @Override
  public Set<String> datasets() {
    return DatasetRecipes.names(DatasetRecipe.Kind.LABELLED_TEXT);
  }

  /** The pretrained-vectors recipes of {@link DatasetRecipes}. */
  @Override
  public Set<String> vectorDatasets() {
    return DatasetRecipes.names(DatasetRecipe.Kind.VECTORS);
  }

  @Override
  public Set<String> resourceParameters() {
    return AnalyzerResources.PARAMETERS;
  }

  @Override
  public Set<String> bundledWordLists() {
    return AnalyzerResources.bundledWordLists();
  }
}
