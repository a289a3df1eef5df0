package io.seqpipe.models.nn;

import io.seqpipe.nlp.embeddings.Coverage;
import io.seqpipe.nlp.embeddings.Embeddings;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.Random;

/**
 * The starting embedding matrix for a vocabulary: pretrained vectors where the file has the word (or its
 * lowercase form), small seeded random vectors where it has not, zeros for {@code <pad>}.
 *
 * <pre>{@code
 * PretrainedMatrix matrix = PretrainedMatrix.of(vocab, glove, 42);
 * log.info("GloVe covers {}", matrix.coverage());
 * }</pre>
 *
 * @param values row-major {@code rows x dimension}
 */
public record PretrainedMatrix(float[] values, int rows, int dimension, Coverage coverage) {

  public static PretrainedMatrix of(Vocabulary vocabulary, Embeddings embeddings, long seed) {
    int dimension = embeddings.dimension();
    float[] values = new float[vocabulary.size() * dimension];
    Random random = new Random(seed);
    float scale = (float) Math.sqrt(3.0 / dimension);
    for (int id = 0; id < vocabulary.size(); id++) {
      if (id == Vocabulary.PAD_ID) {
        continue;
      }
      float[] vector = embeddings.lookup(vocabulary.token(id));
      for (int k = 0; k < dimension; k++) {
        values[id * dimension + k] = vector != null ? vector[k] : (random.nextFloat() * 2 - 1) * scale * 0.1f;
      }
    }
    return new PretrainedMatrix(values, vocabulary.size(), dimension, embeddings.coverage(vocabulary));
  }
}
