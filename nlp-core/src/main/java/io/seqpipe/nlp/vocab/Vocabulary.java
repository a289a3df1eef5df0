package io.seqpipe.nlp.vocab;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
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
 * Token strings to ids and back, with four reserved entries: {@code <pad>}=0, {@code <unk>}=1, {@code
 * <s>}=2, {@code </s>}=3.
 *
 * <pre>{@code
 * Vocabulary vocab = Vocabulary.builder().minFrequency(2).maxSize(10_000)
 *     .addAll(List.of("a", "b", "a")).build();
 * int[] ids = vocab.encode(List.of("a", "zebra"));  // [4, 1]
 * vocab.save(Path.of("vocab.txt"));                   // one token a line, line n = id n-1
 * }</pre>
 *
 * <p>Ids are stable: tokens are ordered by descending frequency, ties broken by the token string, so the
 * same corpus always gives the same ids. Immutable and thread-safe.
 */
public final class Vocabulary {
  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String BOS = "<s>";
  public static final String EOS = "</s>";
  public static final List<String> RESERVED = List.of(PAD, UNK, BOS, EOS);
  public static final int PAD_ID = 0;
  public static final int UNK_ID = 1;
  public static final int BOS_ID = 2;
  public static final int EOS_ID = 3;

  private final List<String> tokens;
  private final Map<String, Integer> ids;

  Vocabulary(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
  }

  public static VocabularyBuilder builder() {
    return new VocabularyBuilder();
  }

  /** Number of entries, reserved ones included. */
  public int size() {
    return tokens.size();
  }

  /** The id of {@code token}, or {@link #UNK_ID}. */
  public int id(String token) {
    return ids.getOrDefault(token, UNK_ID);
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  public String token(int id) {
    return tokens.get(id);
  }

  /** All entries in id order. */
  public List<String> tokens() {
    return tokens;
  }

  public int[] encode(List<String> sentence) {
    int[] encoded = new int[sentence.size()];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = id(sentence.get(i));
    }
    return encoded;
  }

  /** Encodes with {@code <s>} before and {@code </s>} after, as a decoder's target. */
  public int[] encodeWithBoundaries(List<String> sentence) {
    int[] encoded = new int[sentence.size() + 2];
    encoded[0] = BOS_ID;
    for (int i = 0; i < sentence.size(); i++) {
      encoded[i + 1] = id(sentence.get(i));
    }
    encoded[encoded.length - 1] = EOS_ID;
    return encoded;
  }

  /** Tokens of {@code ids} up to the first {@code </s>}, leaving out {@code <pad>} and {@code <s>}. */
  public List<String> decode(int[] ids) {
    List<String> decoded = new ArrayList<>(ids.length);
    for (int id : ids) {
      if (id == EOS_ID) {
        break;
      }
      if (id != PAD_ID && id != BOS_ID) {
        decoded.add(token(id));
      }
    }
    return decoded;
  }

  /** Writes one token a line (with {@code \\}, {@code \n}, {@code \r}, {@code \t} escaped), atomically. */
  public void save(Path file) throws IOException {
    StringBuilder text = new StringBuilder(tokens.size() * 8);
    for (String token : tokens) {
      text.append(TokenEscapes.escape(token)).append('\n');
    }
    AtomicFiles.writeString(file, text.toString());
  }

  /**
   * Reads a file written by {@link #save(Path)}.
   *
   * @throws InputFormatException naming the line of a duplicate or a missing reserved entry
   */
  public static Vocabulary load(Path file) throws IOException {
    List<String> tokens = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (BufferedReader reader = Utf8Reader.open(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        int lineNumber = tokens.size() + 1;
        String token = TokenEscapes.unescape(line);
        if (lineNumber <= RESERVED.size() && !token.equals(RESERVED.get(lineNumber - 1))) {
          throw new InputFormatException(file, lineNumber, 1,
              "expected reserved token " + RESERVED.get(lineNumber - 1) + ", found " + Quote.quoted(line));
        }
        Integer earlier = seen.putIfAbsent(token, lineNumber);
        if (earlier != null) {
          throw new InputFormatException(file, lineNumber, 1,
              "duplicate token " + Quote.quoted(line) + " (first on line " + earlier + ")");
        }
        tokens.add(token);
      }
    }
    if (tokens.size() < RESERVED.size()) {
      throw new InputFormatException(file, tokens.size() + 1, 1,
          "expected the reserved tokens " + RESERVED + " on the first lines, found end of file");
    }
    return new Vocabulary(tokens);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary that && tokens.equals(that.tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary(" + tokens.size() + " entries)";
  }
}
