package io.seqpipe.nlp.subword;

import java.util.List;

/**
 * Tokens to subword pieces and back, so that a model's vocabulary covers words it never saw whole.
 * {@code join(split(tokens))} gives the tokens back (as the units normalize them, if they do). {@link Bpe}
 * is one implementation; the models module's {@code SentencePiece} (a native library, so not here) another.
 *
 * <pre>{@code
 * Subwords subwords = new Bpe(codes);
 * List<String> pieces = subwords.split(List.of("unseen", "words"));
 * List<String> tokens = subwords.join(pieces);
 * }</pre>
 */
public interface Subwords {
  /** Whole tokens: no subword units. */
  Subwords NONE = new Subwords() {
    @Override
    public List<String> split(List<String> tokens) {
      return tokens;
    }

    @Override
    public List<String> join(List<String> pieces) {
      return pieces;
    }
  };

  /** Each token's pieces, in order. */
  List<String> split(List<String> tokens);

  /** The tokens the pieces make. */
  List<String> join(List<String> pieces);
}
