package io.seqpipe.pipelines.translate;

import io.seqpipe.pipelines.model.ModelOutput;
import java.util.List;

/**
 * The n best translations of one sentence, best first.
 *
 * <pre>{@code
 * NBest three = (NBest) translator.predict(List.of("Guten Morgen."), new Inference(5, 3)).get(0);
 * three.translations().get(0).text();
 * }</pre>
 */
public record NBest(List<Translation> translations) implements ModelOutput {
  public NBest {
    translations = List.copyOf(translations);
  }

  /** The best translation's text. */
  @Override
  public String text() {
    return translations.get(0).text();
  }

  @Override
  public double score() {
    return translations.get(0).score();
  }

  /** A list of {@code {"text": ..., "score": ...}}, best first. */
  @Override
  public Object json() {
    return translations.stream().map(Translation::json).toList();
  }
}
