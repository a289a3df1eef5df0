package io.seqpipe.grammar.spec;

import java.util.List;
import java.util.Objects;

/**
 * A whole pipeline, every default filled in: what a {@code .pipe} or YAML file means. Immutable; two
 * files that mean the same pipeline give equal specs.
 *
 * <pre>{@code
 * LoadedPipeline loaded = PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), names);
 * PipelineSpec spec = loaded.spec();
 * spec.train().epochs();                  // 10
 * String yaml = YamlWriter.write(spec);   // the same spec as YAML
 * }</pre>
 *
 * <p>Fields that do not apply to the kind are null: {@code source}, {@code target}, {@code decoder} and
 * {@code search} for {@code classify}; {@code pooling} for {@code translate}.
 *
 * @param metrics the metrics to report, in order
 */
public record PipelineSpec(String name, PipelineKind kind, String source, String target, DataSpec data,
    AnalyzerChoice analyzer, VocabularySpec vocabulary, EmbeddingsSpec embeddings, EncoderSpec encoder,
    String pooling, DecoderSpec decoder, SearchSpec search, TrainSpec train, List<String> metrics) {

  public PipelineSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    metrics = List.copyOf(metrics);
  }
}
