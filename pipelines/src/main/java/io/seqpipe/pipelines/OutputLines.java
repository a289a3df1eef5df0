package io.seqpipe.pipelines;

import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.translate.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output lines of batch jobs, one place for every command that writes them ({@code seqpipe translate},
 * {@code seqpipe predict}, {@code seqpipe spark ...}), so that their files agree byte for byte.
 *
 * <pre>{@code
 * OutputLines.translation(41, nBest, 3);   // ["41 ||| It is late. ||| -0.4123", "41 ||| ...", ...]
 * OutputLines.prediction(prediction);      // "positive\t0.973412"
 * }</pre>
 */
public final class OutputLines {
  private OutputLines() {}

  /**
   * A sentence's lines, without line ends: its best translation, or with an n-best list of {@code nBest > 1}
   * one line for each translation in Moses format, {@code INDEX ||| TRANSLATION ||| SCORE}.
   *
   * @param index the sentence's line number in the input, from 0
   */
  public static List<String> translation(long index, List<Translation> translations, int nBest) {
    List<String> lines = new ArrayList<>(translations.size());
    for (Translation translation : translations) {
      lines.add(nBest > 1 ? index + " ||| " + translation.text() + " ||| "
          + String.format(Locale.ROOT, "%.4f", translation.score()) : translation.text());
    }
    return lines;
  }

  /** A text's line, without line end: {@code LABEL<TAB>PROBABILITY}. */
  public static String prediction(Prediction prediction) {
    return String.format(Locale.ROOT, "%s\t%.6f", prediction.label(), prediction.probability());
  }
}
