package io.seqpipe.pipelines.translate;

import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.EmbeddingDropout;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.pipelines.components.Components;
import io.seqpipe.seq2seq.attention.Attention;
import io.seqpipe.seq2seq.model.AttentionDecoder;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import io.seqpipe.seq2seq.search.LengthPenalty;
import io.seqpipe.seq2seq.search.SearchSettings;

/**
 * What a trained translator needs besides its parameters and vocabularies to be rebuilt anywhere:
 * languages, analysis, length cut, architecture and search. Stored as {@code translator.json} in the
 * model directory, whose {@code resources/} hold the files the analyzer reads.
 *
 * <pre>{@code
 * TranslatorConfig config = TranslatorConfig.of(spec);
 * Seq2SeqModel block = config.block(sourceVocabulary.size(), targetVocabulary.size());
 * }</pre>
 *
 * @param analyzer the analysis; files it names are relative to the pipeline's folder in training and to
 *     the model directory once saved
 * @param subword the pipeline's subword units (kept as {@code source.bpe} and {@code target.bpe}, or as {@code
 *     source.model} and {@code target.model}, in the model directory), or null
 */
public record TranslatorConfig(String name, String source, String target, AnalyzerSpec analyzer, ComponentSpec subword,
    int maxLength, int embeddingDimension, EncoderSpec encoder, DecoderSpec decoder, SearchSpec search) {

  /** Placeholder input shapes (source ids, source lengths, target ids) to initialize the block with. */
  static final Shape[] INPUT_SHAPES = {new Shape(2, 4), new Shape(2), new Shape(2, 3)};

  public static TranslatorConfig of(TranslateSpec spec) {
    return new TranslatorConfig(spec.name(), spec.source(), spec.target(), Components.analyzer(spec.analyzer()),
        spec.subword(), spec.data().maxLength(), spec.embeddings().dimension(), spec.encoder(), spec.decoder(),
        spec.search());
  }

  /** The same configuration with another analyzer (its files moved into a model directory). */
  TranslatorConfig withAnalyzer(AnalyzerSpec moved) {
    return new TranslatorConfig(name, source, target, moved, subword, maxLength, embeddingDimension, encoder, decoder,
        search);
  }

  /** The untrained model for vocabularies of these sizes. */
  public Seq2SeqModel block(int sourceVocabulary, int targetVocabulary) {
    AttentionDecoder attentionDecoder = new AttentionDecoder(CellType.fromId(decoder.cell()),
        TokenEmbedding.learned(targetVocabulary, embeddingDimension), decoder.hidden(), decoder.layers(),
        Attention.create(decoder.attention(), decoder.hidden()), decoder.inputFeeding(), decoder.tieEmbeddings(),
        decoder.dropout(), new EmbeddingDropout(decoder.inputDropout(), decoder.wordDropout()), targetVocabulary);
    return new Seq2SeqModel(TokenEmbedding.learned(sourceVocabulary, embeddingDimension), Components.encoder(encoder),
        attentionDecoder);
  }

  /**
   * Whether an output {@code <unk>} becomes the translation of its source token in a word-translation table
   * ({@code lexicon.tsv} in the model directory); false for models saved before the table existed.
   */
  public boolean usesLexicon() {
    return search.replaceUnk() && search.unkLexicon();
  }

  /** The search the spec asks for. */
  public SearchSettings searchSettings() {
    int beam = search.type().equals("greedy") ? 1 : search.beamSize();
    return new SearchSettings(beam, new LengthPenalty(search.alpha()), search.maxRatio(), search.minLength(),
        Math.min(search.nBest(), beam), search.noRepeatNgram());
  }
}
