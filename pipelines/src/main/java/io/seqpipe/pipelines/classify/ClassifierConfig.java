package io.seqpipe.pipelines.classify;

import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.models.nn.TextClassifier;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.pipelines.components.Components;
import java.util.List;

/**
 * What a trained classifier needs besides its parameters and vocabulary to be rebuilt anywhere: the
 * analysis, the length cut, the architecture and the labels. Stored as {@code classifier.json} in the
 * model directory, whose {@code resources/} hold the files the analyzer reads, so loading needs neither
 * the pipeline file nor its folder.
 *
 * <pre>{@code
 * ClassifierConfig config = ClassifierConfig.of(spec, 100, List.of("negative", "positive"));
 * TextClassifier block = config.block(TokenEmbedding.learned(vocabulary.size(), config.embeddingDimension()));
 * }</pre>
 *
 * @param analyzer the analysis; files it names are relative to the pipeline's folder in training and to
 *     the model directory once saved
 * @param subword the pipeline's subword units (kept as {@code subword.bpe} or {@code subword.model} in the model
 *     directory), or null
 */
public record ClassifierConfig(String name, AnalyzerSpec analyzer, ComponentSpec subword, int maxLength,
    int embeddingDimension, EncoderSpec encoder, String pooling, List<String> labels) {

  /** Placeholder input shapes (token ids, lengths) to initialize the block with. */
  static final Shape[] INPUT_SHAPES = {new Shape(2, 4), new Shape(2)};

  public ClassifierConfig {
    labels = List.copyOf(labels);
  }

  public static ClassifierConfig of(ClassifySpec spec, int embeddingDimension, List<String> labels) {
    return new ClassifierConfig(spec.name(), Components.analyzer(spec.analyzer()), spec.subword(),
        spec.data().maxLength(), embeddingDimension, spec.encoder(), spec.pooling(), labels);
  }

  /** The same configuration with another analyzer (its files moved into a model directory). */
  ClassifierConfig withAnalyzer(AnalyzerSpec moved) {
    return new ClassifierConfig(name, moved, subword, maxLength, embeddingDimension, encoder, pooling, labels);
  }

  /** The model around {@code embedding}, untrained. */
  public TextClassifier block(TokenEmbedding embedding) {
    return new TextClassifier(embedding, Components.encoder(encoder), pooling, encoder.dropout(), labels.size());
  }
}
