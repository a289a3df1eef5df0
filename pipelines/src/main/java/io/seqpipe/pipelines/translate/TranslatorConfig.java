package io.seqpipe.pipelines.translate;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.pipelines.spec.Components;
import io.seqpipe.seq2seq.attention.Attention;
import io.seqpipe.seq2seq.model.AttentionDecoder;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import io.seqpipe.seq2seq.search.LengthPenalty;
import io.seqpipe.seq2seq.search.SearchSettings;

/**
 * What a trained translator needs besides its parameters and vocabularies to be rebuilt anywhere:
 * languages, analysis, length cut, architecture and search. Stored as {@code translator.json} in the
 * model artifact.
 *
 * <pre>{@code
 * TranslatorConfig config = TranslatorConfig.of(pipeline);
 * Seq2SeqModel block = config.block(sourceVocabulary.size(), targetVocabulary.size());
 * }</pre>
 */
public record TranslatorConfig(String name, String source, String target, AnalyzerSpec analyzer,
    String resourceDirectory, int maxLength, int embeddingDimension, EncoderSpec encoder, DecoderSpec decoder,
    SearchSpec search) {

  public static TranslatorConfig of(LoadedPipeline pipeline) {
    PipelineSpec spec = pipeline.spec();
    return new TranslatorConfig(spec.name(), spec.source(), spec.target(), Components.analyzer(spec.analyzer()),
        pipeline.baseDir().toAbsolutePath().toString(), spec.data().maxLength(), spec.embeddings().dimension(),
        spec.encoder(), spec.decoder(), spec.search());
  }

  /** The untrained model for vocabularies of these sizes. */
  public Seq2SeqModel block(int sourceVocabulary, int targetVocabulary) {
    RecurrentEncoder recurrent = new RecurrentEncoder(CellType.fromId(encoder.cell()), encoder.hidden(), encoder.layers(),
        encoder.bidirectional(), encoder.dropout(), encoder.residual());
    AttentionDecoder attentionDecoder = new AttentionDecoder(CellType.fromId(decoder.cell()),
        TokenEmbedding.learned(targetVocabulary, embeddingDimension), decoder.hidden(), decoder.layers(),
        Attention.create(decoder.attention(), decoder.hidden()), decoder.inputFeeding(), decoder.tieEmbeddings(),
        decoder.dropout(), targetVocabulary);
    return new Seq2SeqModel(TokenEmbedding.learned(sourceVocabulary, embeddingDimension), recurrent, attentionDecoder);
  }

  /** The search the spec asks for. */
  public SearchSettings searchSettings() {
    int beam = search.type().equals("greedy") ? 1 : search.beamSize();
    return new SearchSettings(beam, new LengthPenalty(search.alpha()), search.maxRatio(), search.minLength(),
        Math.min(search.nBest(), beam), search.noRepeatNgram());
  }
}
