package io.seqpipe.grammar;

import java.util.Set;

/**
 * The names of components that live outside the grammar module, so that pipelines can be validated
 * against them: Lucene analysis components (by SPI name, case-insensitive), analyzer presets and
 * dataset recipes (labelled data and pretrained vectors). The runtime supplies the real ones; no pipeline file can name anything else. Model
 * and training components (encoders, optimizers, ...) are in {@link io.seqpipe.grammar.catalog.Catalog}.
 *
 * <pre>{@code
 * LoadedPipeline loaded = PipelineFiles.load(path, overrides, RegisteredNames.INSTANCE);
 * }</pre>
 */
public interface ComponentNames {
  Set<String> analyzerPresets();

  Set<String> tokenizers();

  Set<String> tokenFilters();

  Set<String> charFilters();

  /** Dataset recipes, for {@code data { dataset NAME }} in classify pipelines. */
  Set<String> datasets();

  /** Dataset recipes of pretrained vectors, for {@code embeddings glove(dataset: NAME)}. */
  Set<String> vectorDatasets();

  /** Analysis component parameters whose values name files (comma-separated), e.g. a stop filter's {@code words}. */
  Set<String> resourceParameters();

  /** Values of those parameters that name bundled word lists instead of files ({@code english}, ...). */
  Set<String> bundledWordLists();
}
