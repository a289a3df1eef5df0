package io.seqpipe.grammar.spec;

/**
 * A pipeline over text ({@link ClassifySpec}, {@link TranslateSpec}): what reads its texts into token
 * ids, besides what every pipeline has.
 *
 * <pre>{@code
 * if (loaded.spec() instanceof TextPipelineSpec text) {
 *   text.analyzer().preset();      // standard
 * }
 * }</pre>
 */
public sealed interface TextPipelineSpec extends PipelineSpec permits ClassifySpec, TranslateSpec {
  AnalyzerChoice analyzer();

  /** Subword units after the analyzer ({@code bpe} with its parameters), or null for whole tokens. */
  ComponentSpec subword();

  VocabularySpec vocabulary();

  EmbeddingsSpec embeddings();
}
