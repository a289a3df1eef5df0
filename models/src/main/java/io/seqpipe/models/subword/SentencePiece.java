package io.seqpipe.models.subword;

import ai.djl.sentencepiece.SpTokenizer;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.subword.Subwords;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SentencePiece subword units (Kudo and Richardson, 2018) from a {@code .model} file trained elsewhere
 * (e.g. by {@code spm_train}), applied by the SentencePiece C++ library through DJL's {@code sentencepiece}
 * extension. {@link #split} gives exactly the pieces {@code spm_encode --output_format=piece} gives for the
 * tokens joined by spaces (the model's normalization included): a piece that begins a word starts with
 * {@link #WORD_START}. {@link #join} cuts the pieces back into words at each {@link #WORD_START} and keeps
 * every other piece as it is, {@code <unk>} included. Thread-safe; the native processor is freed once this
 * object is unreachable.
 *
 * <pre>{@code
 * SentencePiece spm = SentencePiece.read(Path.of("spm.model"));
 * List<String> pieces = spm.split(List.of("Hello", "world"));   // [▁Hel, lo, ▁world]
 * spm.join(pieces);                                               // [Hello, world]
 * }</pre>
 */
public final class SentencePiece implements Subwords {
  /** SentencePiece's whitespace symbol (U+2581), which begins every piece that begins a word. */
  public static final String WORD_START = "\u2581";

  private static final Cleaner CLEANER = Cleaner.create();

  private final byte[] model;
  private final SpTokenizer tokenizer;

  private SentencePiece(byte[] model, SpTokenizer tokenizer) {
    this.model = model;
    this.tokenizer = tokenizer;
    CLEANER.register(this, tokenizer::close);
  }

  /**
   * Reads a serialized SentencePiece model.
   *
   * @throws InputFormatException naming the file when it is not a SentencePiece model
   */
  public static SentencePiece read(Path file) throws IOException {
    byte[] model = Files.readAllBytes(file);
    try {
      return new SentencePiece(model, new SpTokenizer(model));
    } catch (RuntimeException e) { // the library's message is its C++ source position
      throw new InputFormatException(file, "expected a SentencePiece model (spm_train's .model file)");
    }
  }

  /** The serialized model, as read: what a model directory carries. */
  public byte[] model() {
    return model.clone();
  }

  @Override
  public List<String> split(List<String> tokens) {
    return tokens.isEmpty() ? List.of() : tokenizer.tokenize(String.join(" ", tokens));
  }

  @Override
  public List<String> join(List<String> pieces) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (String piece : pieces) {
      String rest = piece;
      if (piece.startsWith(WORD_START)) {
        add(tokens, token);
        rest = piece.substring(WORD_START.length());
      }
      token.append(rest);
    }
    add(tokens, token);
    return tokens;
  }

  private static void add(List<String> tokens, StringBuilder token) {
    if (!token.isEmpty()) {
      tokens.add(token.toString());
      token.setLength(0);
    }
  }
}
