package io.seqpipe.bench;

import io.seqpipe.nlp.subword.BpeCodes;
import io.seqpipe.nlp.subword.BpeLearner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learning BPE merges with {@link BpeLearner}, timed from reading the text to the last merge, as {@code
 * bench/run-bpe.sh} compares it with {@code spm_train --model_type=bpe}.
 *
 * <pre>{@code
 * java io.seqpipe.bench.BpeBenchmark SHARED "16000 OUT.codes train.es train.en"
 * }</pre>
 */
public final class BpeBenchmark {
  private BpeBenchmark() {}

  /** Arguments: the shared folder (unused), then one string: MERGES OUTPUT FILE... */
  public static void main(String[] args) throws Exception {
    String[] words = args[1].trim().split("\\s+");
    int merges = Integer.parseInt(words[0]);
    Path output = Path.of(words[1]);
    long started = System.nanoTime();
    List<String> lines = new ArrayList<>();
    for (int i = 2; i < words.length; i++) {
      lines.addAll(Files.readAllLines(Path.of(words[i])));
    }
    Map<String, Long> vocabulary = BpeLearner.vocabulary(lines);
    BpeCodes codes = new BpeLearner(merges, 2).learn(vocabulary);
    double seconds = (System.nanoTime() - started) / 1e9;
    codes.write(output);
    long characters = vocabulary.keySet().stream().flatMapToInt(String::codePoints).distinct().count();
    System.out.printf(Locale.ROOT, "seqpipe BpeLearner: %d merges learned from %d lines (%d distinct words, %d characters)"
        + " in %.2f s%n", codes.size(), lines.size(), vocabulary.size(), characters, seconds);
  }
}
