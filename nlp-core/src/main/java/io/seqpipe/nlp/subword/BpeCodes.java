package io.seqpipe.nlp.subword;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.Utf8Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-pair-encoding merge table: the ordered merge operations learned by {@link BpeLearner}, in
 * subword-nmt's file format ({@code #version: 0.2}, then one {@code LEFT RIGHT} pair a line, the word-final
 * symbols ending in {@code </w>}), so tables can be exchanged with subword-nmt in both directions.
 *
 * <pre>{@code
 * BpeCodes codes = BpeCodes.read(Path.of("model/bpe.codes"));
 * codes.rank("l", "o");   // 0 for the first merge, -1 for a pair that is never merged
 * }</pre>
 */
public final class BpeCodes {
  /** The end-of-word marker of version 0.2 tables, attached to a word's last symbol. */
  public static final String END_OF_WORD = "</w>";
  private static final String HEADER = "#version: 0.2";

  private final List<String[]> merges;
  private final Map<String, Integer> ranks = new HashMap<>();

  public BpeCodes(List<String[]> merges) {
    this.merges = List.copyOf(merges);
    for (int i = merges.size() - 1; i >= 0; i--) {
      ranks.put(key(merges.get(i)[0], merges.get(i)[1]), i); // the first occurrence wins, as in subword-nmt
    }
  }

  /** The merges, first learned first; each a {@code {left, right}} pair. */
  public List<String[]> merges() {
    return merges;
  }

  public int size() {
    return merges.size();
  }

  /** The merge's position in the table, or -1 when the pair is never merged. */
  public int rank(String left, String right) {
    return ranks.getOrDefault(key(left, right), -1);
  }

  private static String key(String left, String right) {
    return left + ' ' + right;
  }

  /** The table in subword-nmt's format. */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (String[] merge : merges) {
      out.append(merge[0]).append(' ').append(merge[1]).append('\n');
    }
    return out.toString();
  }

  public void write(Path file) throws IOException {
    AtomicFiles.writeString(file, text());
  }

  /**
   * Reads a table in subword-nmt's format (version 0.2; the header line is optional).
   *
   * @throws InputFormatException naming the line that is not two symbols
   */
  public static BpeCodes read(Path file) throws IOException {
    List<String[]> merges = new ArrayList<>();
    try (BufferedReader reader = Utf8Reader.open(file)) {
      String line;
      for (int number = 1; (line = reader.readLine()) != null; number++) {
        if (number == 1 && line.startsWith("#version:")) {
          if (!line.strip().equals(HEADER)) {
            throw new InputFormatException(file, 1, 1, "expected a BPE table of version 0.2, found '" + line.strip() + "'");
          }
          continue;
        }
        String[] pair = line.strip().split(" ");
        if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
          throw new InputFormatException(file, number, 1, "expected a merge: two symbols separated by one space");
        }
        merges.add(pair);
      }
    }
    return new BpeCodes(merges);
  }
}
