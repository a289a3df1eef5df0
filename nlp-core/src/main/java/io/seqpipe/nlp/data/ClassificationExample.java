package io.seqpipe.nlp.data;

/**
 * One labelled text.
 *
 * @param text the raw text, before analysis
 * @param label the class label as written in the data
 * @param line where the example starts in its file (1-based), for error messages and reports
 */
public record ClassificationExample(String text, String label, long line) {}
