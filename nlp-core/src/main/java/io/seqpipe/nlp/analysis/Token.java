package io.seqpipe.nlp.analysis;

/**
 * One token of analyzed text: its term and where it came from in the original text.
 *
 * @param text the term after analysis (lowercased, stemmed, ... as the chain says)
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 */
public record Token(String text, int start, int end) {}
