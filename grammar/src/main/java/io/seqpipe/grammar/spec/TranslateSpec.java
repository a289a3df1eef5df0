package io.seqpipe.grammar.spec;

import java.util.List;
import java.util.Objects;

/**
 * A {@code translate} pipeline: sentences of the source language in, the target language out.
 *
 * <pre>{@code
 * TranslateSpec spec = (TranslateSpec) PipelineFiles.load(Path.of("examples/translate-de-en.pipe"), List.of(), names).spec();
 * spec.decoder().attention();   // bahdanau
 * }</pre>
 *
 * @param source the source language code (file suffix)
 * @param target the target language code
 * @param sweep the file's sweep block, or null
 */
public record TranslateSpec(String name, String source, String target, DataSpec data, AnalyzerChoice analyzer,
    ComponentSpec subword, VocabularySpec vocabulary, EmbeddingsSpec embeddings, EncoderSpec encoder, DecoderSpec decoder, SearchSpec search,
    TrainSpec train, List<String> metrics, SweepSpec sweep) implements TextPipelineSpec {

  public TranslateSpec {
    Objects.requireNonNull(name, "name");
    metrics = List.copyOf(metrics);
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.TRANSLATE;
  }
}
