package io.seqpipe.pipelines.classify;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TextClassifier;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.pipelines.spec.Components;
import java.util.List;

/**
 * What a trained classifier needs besides its parameters and vocabulary to be rebuilt anywhere: the
 * analysis, the length cut, the architecture and the labels. Stored as {@code classifier.json} in the
 * model artifact, so loading needs neither the pipeline file nor its data.
 *
 * <pre>{@code
 * ClassifierConfig config = ClassifierConfig.of(pipeline, 100, List.of("negative", "positive"));
 * TextClassifier block = config.block(TokenEmbedding.learned(vocabulary.size(), config.embeddingDimension()));
 * }</pre>
 *
 * @param resourceDirectory where analyzer resources (stop word files, ...) named by relative paths live
 */
public record ClassifierConfig(String name, AnalyzerSpec analyzer, String resourceDirectory, int maxLength,
    int embeddingDimension, EncoderSpec encoder, String pooling, List<String> labels) {

  public ClassifierConfig {
    labels = List.copyOf(labels);
  }

  public static ClassifierConfig of(LoadedPipeline pipeline, int embeddingDimension, List<String> labels) {
    PipelineSpec spec = pipeline.spec();
    return new ClassifierConfig(spec.name(), Components.analyzer(spec.analyzer()),
        pipeline.baseDir().toAbsolutePath().toString(), spec.data().maxLength(), embeddingDimension, spec.encoder(),
        spec.pooling(), labels);
  }

  /** The model around {@code embedding}, untrained. */
  public TextClassifier block(TokenEmbedding embedding) {
    RecurrentEncoder recurrent = new RecurrentEncoder(CellType.fromId(encoder.cell()), encoder.hidden(), encoder.layers(),
        encoder.bidirectional(), encoder.dropout(), encoder.residual());
    return new TextClassifier(embedding, recurrent, pooling, encoder.dropout(), labels.size());
  }
}
