package io.seqpipe.seq2seq;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.EmbeddingDropout;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.seq2seq.attention.Attention;
import io.seqpipe.seq2seq.model.AttentionDecoder;
import io.seqpipe.seq2seq.model.Seq2SeqModel;

/** Small encoder-decoder models for tests, initialized with a fixed seed. */
public final class TinyTranslator {
  private TinyTranslator() {}

  /** A model over {@code vocabulary} ids, BiLSTM encoder, one-layer decoder of width {@code hidden}. */
  public static Model create(EngineChoice engine, int vocabulary, int hidden, String attention, boolean inputFeeding,
      boolean tied) {
    return create(engine, CellType.LSTM, vocabulary, hidden, attention, inputFeeding, tied);
  }

  public static Model create(EngineChoice engine, CellType cell, int vocabulary, int hidden, String attention,
      boolean inputFeeding, boolean tied) {
    return create(engine, cell, vocabulary, hidden, attention, inputFeeding, tied, 7);
  }

  /** A model whose parameters are initialized from {@code seed}. */
  public static Model create(EngineChoice engine, CellType cell, int vocabulary, int hidden, String attention,
      boolean inputFeeding, boolean tied, int seed) {
    Model model = Model.newInstance("tiny", engine.djlName());
    model.getNDManager().getEngine().setRandomSeed(seed);
    AttentionDecoder decoder = new AttentionDecoder(cell, TokenEmbedding.learned(vocabulary, tied ? hidden : 16), hidden, 1,
        Attention.create(attention, hidden), inputFeeding, tied, 0.0, EmbeddingDropout.NONE, vocabulary);
    Seq2SeqModel block = new Seq2SeqModel(TokenEmbedding.learned(vocabulary, 16),
        new RecurrentEncoder(CellType.LSTM, hidden / 2, 1, true, 0.0, false), decoder);
    model.setBlock(block);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 5), new Shape(2), new Shape(2, 4));
    return model;
  }
}
