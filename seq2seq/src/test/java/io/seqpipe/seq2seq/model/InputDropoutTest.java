package io.seqpipe.seq2seq.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.EmbeddingDropout;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.seq2seq.attention.Attention;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input dropout of the encoder (on the source embeddings) and of the decoder (on the target embeddings), of
 * single features and of whole tokens, changes what a one-layer model computes while training, where no other
 * dropout applies, and nothing at inference.
 */
class InputDropoutTest {
  private static final int VOCABULARY = 12;

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void encoderAndDecoderInputDropoutApplyOnlyWhileTraining(EngineChoice engine) {
    EmbeddingDropout none = EmbeddingDropout.NONE;
    float[] plainEval = logits(engine, none, none, false);
    assertThat(logits(engine, none, none, true)).as("no dropout: training computes what inference does")
        .containsExactly(plainEval, within(1e-5f));
    EmbeddingDropout features = new EmbeddingDropout(0.5, 0);
    EmbeddingDropout words = new EmbeddingDropout(0, 0.5);
    for (EmbeddingDropout[] rates : new EmbeddingDropout[][] {{features, none}, {none, features}, {words, none},
        {none, words}}) {
      assertThat(logits(engine, rates[0], rates[1], false)).as("inference, input dropout %s", Arrays.toString(rates))
          .containsExactly(plainEval, within(1e-5f));
      float[] training = logits(engine, rates[0], rates[1], true);
      double difference = 0;
      for (int i = 0; i < training.length; i++) {
        difference += Math.abs(training[i] - plainEval[i]);
      }
      assertThat(difference).as("training, input dropout %s (encoder, decoder)", Arrays.toString(rates)).isGreaterThan(1e-3);
    }
  }

  /** Teacher-forced logits of a one-layer model with the given input dropouts and no other dropout. */
  private static float[] logits(EngineChoice engine, EmbeddingDropout encoderInput, EmbeddingDropout decoderInput,
      boolean training) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(5);
      AttentionDecoder decoder = new AttentionDecoder(CellType.GRU, TokenEmbedding.learned(VOCABULARY, 8), 16, 1,
          Attention.create("bahdanau", 16), true, false, 0.0, decoderInput, VOCABULARY);
      Seq2SeqModel model = new Seq2SeqModel(TokenEmbedding.learned(VOCABULARY, 8),
          new RecurrentEncoder(CellType.GRU, 8, 1, true, 0.0, encoderInput, false), decoder);
      model.initialize(manager, DataType.FLOAT32, new Shape(2, 5), new Shape(2), new Shape(2, 4));
      manager.getEngine().setRandomSeed(9);
      NDList inputs = new NDList(manager.create(new int[] {4, 5, 6, 7, 8, 9, 10, 11, 4, 5}, new Shape(2, 5)),
          manager.create(new int[] {5, 5}), manager.create(new int[] {1, 6, 7, 8, 3, 9, 10, 11}, new Shape(2, 4)));
      if (engine == EngineChoice.PYTORCH) {
        inputs.set(0, inputs.get(0).toType(DataType.INT64, false));
        inputs.set(2, inputs.get(2).toType(DataType.INT64, false));
      }
      ParameterStore store = new ParameterStore(manager, false);
      if (!training) {
        return model.forward(store, inputs, false).head().toFloatArray();
      }
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) { // MXNet trains inside one
        return model.forward(store, inputs, true).head().toFloatArray();
      }
    }
  }
}
