package io.seqpipe.grammar.spec;

import java.util.List;
import java.util.Objects;

/**
 * A {@code classify} pipeline: texts in, one label each out (classification, sentiment).
 *
 * <pre>{@code
 * ClassifySpec spec = (ClassifySpec) PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), names).spec();
 * spec.fields().text();     // the text column
 * }</pre>
 *
 * @param fields where texts and labels come from
 * @param pooling how token states become one vector: {@code last}, {@code mean}, {@code max}, {@code attention}
 * @param classWeights {@code none}, or {@code balanced} to weight each class's loss by {@code examples /
 *     (classes * examples of the class)} as scikit-learn does
 * @param sweep the file's sweep block, or null
 */
public record ClassifySpec(String name, DataSpec data, Fields fields, AnalyzerChoice analyzer, ComponentSpec subword,
    VocabularySpec vocabulary, EmbeddingsSpec embeddings, EncoderSpec encoder, String pooling, String classWeights,
    TrainSpec train, List<String> metrics, SweepSpec sweep) implements TextPipelineSpec {

  /**
   * @param dataset a named dataset recipe, or null (files named in {@code data} take precedence)
   * @param text the text column or field
   * @param label the label column or field
   */
  public record Fields(String dataset, String text, String label) {}

  public ClassifySpec {
    Objects.requireNonNull(name, "name");
    metrics = List.copyOf(metrics);
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.CLASSIFY;
  }
}
