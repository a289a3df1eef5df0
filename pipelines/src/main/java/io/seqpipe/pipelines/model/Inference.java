package io.seqpipe.pipelines.model;

import java.io.Serializable;

/**
 * Per-call inference settings: null fields take the model's own (its pipeline's search). Only
 * translation models search; a classifier refuses a beam, an n-best list or a length penalty.
 *
 * <pre>{@code
 * List<? extends ModelOutput> fiveBest = translator.predict(List.of("Guten Morgen."), new Inference(5, 5));
 * List<? extends ModelOutput> longer = translator.predict(List.of("Guten Morgen."), new Inference(5, 1, 1.5));
 * }</pre>
 *
 * @param beam the beam size, 1 for greedy search
 * @param nBest translations returned per text, at most the beam size
 * @param alpha the length penalty's alpha (GNMT's): beams are ranked by log-probability over
 *     {@code ((5 + length) / 6)^alpha}, so a higher alpha favours longer outputs
 */
public record Inference(Integer beam, Integer nBest, Double alpha) implements Serializable {
  /** The model's own settings. */
  public static final Inference DEFAULT = new Inference(null, null, null);

  /** A beam and n-best list with the model's length penalty. */
  public Inference(Integer beam, Integer nBest) {
    this(beam, nBest, null);
  }

  /** Whether any setting is given. */
  public boolean isDefault() {
    return beam == null && nBest == null && alpha == null;
  }
}
