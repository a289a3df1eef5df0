package io.seqpipe.nlp.embeddings;

import io.seqpipe.nlp.vocab.Vocabulary;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word vectors read by {@link EmbeddingReader}: a word to a {@code float[dimension()]}.
 *
 * <pre>{@code
 * Embeddings glove = EmbeddingReader.read(Path.of("glove.6B.100d.txt"), EmbeddingFormat.GLOVE, vocab);
 * float[] v = glove.lookup("Paris");           // exact, else "paris", else null
 * Coverage coverage = glove.coverage(vocab);   // how many vocabulary words have a vector
 * }</pre>
 */
public final class Embeddings {
  private final int dimension;
  private final Map<String, Integer> rows;
  private final float[] values;

  Embeddings(int dimension, Map<String, Integer> rows, float[] values) {
    this.dimension = dimension;
    this.rows = rows;
    this.values = values;
  }

  public int dimension() {
    return dimension;
  }

  /** Number of words with a vector. */
  public int size() {
    return rows.size();
  }

  public Set<String> words() {
    return rows.keySet();
  }

  /** The vector of exactly {@code word}, or null. */
  public float[] vector(String word) {
    Integer row = rows.get(word);
    if (row == null) {
      return null;
    }
    int from = row * dimension;
    return Arrays.copyOfRange(values, from, from + dimension);
  }

  /** The vector of {@code word}, else of its lowercase form, else null. */
  public float[] lookup(String word) {
    float[] exact = vector(word);
    return exact != null ? exact : vector(word.toLowerCase(Locale.ROOT));
  }

  /** How many of the vocabulary's ordinary (non-reserved) words {@link #lookup(String)} finds. */
  public Coverage coverage(Vocabulary vocabulary) {
    int words = 0;
    int exact = 0;
    int lowercased = 0;
    for (String token : vocabulary.tokens()) {
      if (Vocabulary.RESERVED.contains(token)) {
        continue;
      }
      words++;
      if (rows.containsKey(token)) {
        exact++;
      } else if (rows.containsKey(token.toLowerCase(Locale.ROOT))) {
        lowercased++;
      }
    }
    return new Coverage(words, exact, lowercased);
  }
}
