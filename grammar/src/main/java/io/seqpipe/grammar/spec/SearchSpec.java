package io.seqpipe.grammar.spec;

/**
 * How translations are searched for: {@code greedy} or {@code beam}.
 *
 * @param beamSize hypotheses kept per sentence (1 for greedy)
 * @param alpha GNMT length penalty exponent (0 = none)
 * @param maxRatio longest output as a multiple of the source length
 * @param minLength shortest output, in tokens
 * @param nBest translations returned per sentence
 * @param noRepeatNgram block repeating n-grams of this size (0 = off)
 * @param replaceUnk replace {@code <unk>} by the most attended source token
 * @param unkLexicon with {@code replaceUnk}, translate that token by a word-translation table learned from the
 *     training pairs (kept in the model directory), copying it only where the table has no entry
 */
public record SearchSpec(String type, int beamSize, double alpha, double maxRatio, int minLength, int nBest,
    int noRepeatNgram, boolean replaceUnk, boolean unkLexicon) {}
