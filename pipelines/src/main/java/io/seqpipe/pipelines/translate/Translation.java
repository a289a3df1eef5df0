package io.seqpipe.pipelines.translate;

import io.seqpipe.pipelines.model.ModelOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One translation of a sentence: the detokenized text, the output tokens it was made of, its search
 * score (log-probability after the length penalty) and the attention over the source tokens, one row
 * per output token.
 *
 * <pre>{@code
 * Translation best = translator.translations(List.of("Guten Morgen."), settings, 1500).get(0).get(0);
 * System.out.println(best.text() + " " + best.score());
 * }</pre>
 */
public record Translation(String text, List<String> tokens, double score, float[][] attention) implements ModelOutput {
  /** {@code {"text": ..., "score": ...}}. */
  @Override
  public Object json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("text", text);
    json.put("score", score);
    return json;
  }
}
