package io.seqpipe.pipelines.classify;

import io.seqpipe.pipelines.model.ModelOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier's answer for one text.
 *
 * <pre>{@code
 * Prediction p = classifier.predict(List.of("Great phone.")).get(0);
 * System.out.println(p.label() + "\t" + p.probability());
 * }</pre>
 *
 * @param label the most probable label
 * @param probability its probability
 * @param probabilities every label's probability, in the model's label order
 * @param tokens the tokens the model saw (after analysis and the length cut)
 * @param attention the attention pooling's weight of each token, or an empty list without attention pooling
 */
public record Prediction(String label, double probability, Map<String, Double> probabilities, List<String> tokens,
    List<Double> attention) implements ModelOutput {

  /** The label. */
  @Override
  public String text() {
    return label;
  }

  /** The label's probability. */
  @Override
  public double score() {
    return probability;
  }

  /** {@code {"label": ..., "probability": ..., "probabilities": {...}}}. */
  @Override
  public Object json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", label);
    json.put("probability", probability);
    json.put("probabilities", probabilities);
    return json;
  }
}
