package io.seqpipe.seq2seq.search;

/**
 * One output of search for one sentence.
 *
 * @param tokens the output ids, without {@code <s>} and {@code </s>}
 * @param logProbability the sum of the chosen tokens' log-probabilities (with {@code </s>} when reached)
 * @param score what the beam ranks by: the log-probability under the length penalty
 * @param attention per output token, the attention weights over the source tokens
 */
public record Hypothesis(int[] tokens, double logProbability, double score, float[][] attention) {}
