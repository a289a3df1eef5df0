package io.seqpipe.grammar.spec;

import java.util.List;

/**
 * A whole pipeline, every default filled in: what a {@code .pipe} or YAML file means. One of {@link
 * ClassifySpec} and {@link TranslateSpec} (the {@link TextPipelineSpec}s) and {@link ForecastSpec}, so
 * that an entry of one kind cannot appear in another; the parts all have are here. Immutable; two files that mean the same pipeline give equal specs.
 *
 * <pre>{@code
 * LoadedPipeline loaded = PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), names);
 * if (loaded.spec() instanceof ClassifySpec classify) {
 *   classify.pooling();                 // attention
 * }
 * String yaml = YamlWriter.write(loaded.spec());
 * }</pre>
 */
public sealed interface PipelineSpec permits TextPipelineSpec, ForecastSpec {
  String name();

  PipelineKind kind();

  DataSpec data();

  EncoderSpec encoder();

  TrainSpec train();

  /** The metrics to report, in order. */
  List<String> metrics();

  /** The file's {@code sweep} block, or null: what {@code seqpipe sweep} varies when given no options. */
  SweepSpec sweep();
}
