package io.seqpipe.grammar.spec;

/**
 * How vocabularies are built from the training data.
 *
 * @param shared one vocabulary for source and target (translate)
 */
public record VocabularySpec(int minFrequency, int maxSize, boolean shared) {}
