package io.seqpipe.pipelines.model;

/**
 * Per-call inference settings: null fields take the model's own (its pipeline's search). Only
 * translation models search; a classifier refuses a beam or an n-best list.
 *
 * <pre>{@code
 * List<? extends ModelOutput> fiveBest = translator.predict(List.of("Guten Morgen."), new Inference(5, 5));
 * }</pre>
 *
 * @param beam the beam size, 1 for greedy search
 * @param nBest translations returned per text, at most the beam size
 */
public record Inference(Integer beam, Integer nBest) {
  /** The model's own settings. */
  public static final Inference DEFAULT = new Inference(null, null);

  /** Whether any setting is given. */
  public boolean isDefault() {
    return beam == null && nBest == null;
  }
}
