package io.seqpipe.nlp.data;

/**
 * One sentence pair of a parallel corpus.
 *
 * @param source the source-language sentence
 * @param target the target-language sentence
 * @param line the line both come from (1-based)
 */
public record ParallelExample(String source, String target, long line) {}
