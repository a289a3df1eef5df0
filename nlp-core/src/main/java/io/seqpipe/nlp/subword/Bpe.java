package io.seqpipe.nlp.subword;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-pair encoding of tokens with a merge table, as subword-nmt's {@code apply_bpe} does it: a token is
 * its characters with {@code </w>} on the last; the adjacent pair merged earliest in the table is merged
 * everywhere (left to right), again and again until no pair is in the table; {@code </w>} is dropped and
 * every piece but a token's last carries the continuation marker {@code @@}. Tokens of one character stay
 * as they are. {@link #join} undoes it exactly. Thread-safe; segmentations are cached per token.
 *
 * <pre>{@code
 * Bpe bpe = new Bpe(BpeCodes.read(Path.of("bpe.codes")));
 * List<String> pieces = bpe.split(List.of("lowest", "newer"));   // [low@@, est, new@@, er]
 * bpe.join(pieces);                                                // [lowest, newer]
 * }</pre>
 */
public final class Bpe implements Subwords {
  /** Marks a piece that the next piece continues. */
  public static final String CONTINUATION = "@@";

  private final BpeCodes codes;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  public Bpe(BpeCodes codes) {
    this.codes = codes;
  }

  public BpeCodes codes() {
    return codes;
  }

  @Override
  public List<String> split(List<String> tokens) {
    List<String> pieces = new ArrayList<>(tokens.size() * 2);
    for (String token : tokens) {
      List<String> segments = cache.computeIfAbsent(token, this::segment);
      for (int i = 0; i < segments.size(); i++) {
        pieces.add(i < segments.size() - 1 ? segments.get(i) + CONTINUATION : segments.get(i));
      }
    }
    return pieces;
  }

  @Override
  public List<String> join(List<String> pieces) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (String piece : pieces) {
      if (piece.endsWith(CONTINUATION)) {
        token.append(piece, 0, piece.length() - CONTINUATION.length());
      } else {
        tokens.add(token.append(piece).toString());
        token.setLength(0);
      }
    }
    if (!token.isEmpty()) {
      tokens.add(token.toString()); // a dangling continuation, as a model may end its output
    }
    return tokens;
  }

  /** A token's segments without markers. */
  private List<String> segment(String token) {
    int[] codePoints = token.codePoints().toArray();
    if (codePoints.length <= 1) {
      return List.of(token);
    }
    List<String> word = new ArrayList<>(codePoints.length);
    for (int i = 0; i < codePoints.length; i++) {
      String text = Character.toString(codePoints[i]);
      word.add(i == codePoints.length - 1 ? text + BpeCodes.END_OF_WORD : text);
    }
    while (word.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < word.size(); i++) {
        int rank = codes.rank(word.get(i), word.get(i + 1));
        if (rank >= 0 && rank < bestRank) {
          bestRank = rank;
        }
      }
      if (bestRank == Integer.MAX_VALUE) {
        break;
      }
      String[] merge = codes.merges().get(bestRank);
      List<String> merged = new ArrayList<>(word.size());
      for (int i = 0; i < word.size(); i++) {
        if (i + 1 < word.size() && word.get(i).equals(merge[0]) && word.get(i + 1).equals(merge[1])) {
          merged.add(merge[0] + merge[1]);
          i++;
        } else {
          merged.add(word.get(i));
        }
      }
      word = merged;
    }
    String last = word.get(word.size() - 1);
    if (last.equals(BpeCodes.END_OF_WORD)) {
      word.remove(word.size() - 1);
    } else if (last.endsWith(BpeCodes.END_OF_WORD)) {
      word.set(word.size() - 1, last.substring(0, last.length() - BpeCodes.END_OF_WORD.length()));
    }
    return List.copyOf(word);
  }
}
