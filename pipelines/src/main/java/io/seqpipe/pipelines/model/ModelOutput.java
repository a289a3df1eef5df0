package io.seqpipe.pipelines.model;

/**
 * What a trained model answers for one input text: a classifier's label, a translator's best
 * translation, each with its score.
 *
 * <pre>{@code
 * for (ModelOutput output : model.predict(List.of("Great phone."))) {
 *   System.out.println(output.text() + "\t" + output.score());
 * }
 * }</pre>
 */
public interface ModelOutput {
  /** The answer as text: a label, or a translation. */
  String text();

  /** Its score: a label's probability, a translation's (length-penalized) log-probability. */
  double score();

  /** The answer as a JSON value (maps, lists, text, numbers), as the model server writes it. */
  Object json();
}
