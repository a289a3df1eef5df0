package io.seqpipe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;

/**
 * Dropout on a sequence of embeddings {@code [batch, time, features]} while training, at two rates: {@code
 * words} drops whole tokens (all of a token's features at once, as Marian's {@code --dropout-src} and {@code
 * --dropout-trg} and Nematus' word dropout do), {@code features} drops single features. Kept values are scaled
 * by {@code 1 / (1 - rate)}, so inference, which drops nothing, sees the same expected input.
 *
 * <pre>{@code
 * EmbeddingDropout dropout = new EmbeddingDropout(0.3, 0.1);
 * NDArray input = dropout.apply(embedded, training);
 * }</pre>
 *
 * @param features the rate at which single features are dropped
 * @param words the rate at which whole tokens are dropped
 */
public record EmbeddingDropout(double features, double words) {
  /** No dropout. */
  public static final EmbeddingDropout NONE = new EmbeddingDropout(0, 0);

  public EmbeddingDropout {
    if (!(features >= 0 && features < 1 && words >= 0 && words < 1)) {
      throw new IllegalArgumentException("dropout rates must lie in [0, 1): features " + features + ", words " + words);
    }
  }

  /** The embeddings with tokens and features dropped when training; unchanged otherwise. */
  public NDArray apply(NDArray embedded, boolean training) {
    if (!training) {
      return embedded;
    }
    NDArray out = embedded;
    if (words > 0) {
      Shape shape = embedded.getShape();
      NDArray kept = embedded.getManager()
          .randomUniform(0f, 1f, new Shape(shape.get(0), shape.get(1), 1), DataType.FLOAT32, embedded.getDevice())
          .gte(words).toType(embedded.getDataType(), false).div(1 - words);
      out = out.mul(kept);
    }
    return features > 0 ? Dropout.dropout(out, (float) features, true).head() : out;
  }
}
