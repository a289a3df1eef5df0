package io.seqpipe.grammar.spec;

/**
 * The attention decoder of a translation model.
 *
 * @param dropout dropout between layers and on the attentional vector, while training
 * @param inputDropout dropout on the target embeddings, while training
 * @param wordDropout the rate at which whole target tokens are dropped from the decoder's inputs, while training
 * @param attention {@code bahdanau}, {@code luong_dot} or {@code luong_general}
 * @param inputFeeding feed the previous attentional vector into the next step (Luong et al.)
 * @param tieEmbeddings share the output projection with the target embeddings
 */
public record DecoderSpec(String cell, int hidden, int layers, double dropout, double inputDropout,
    double wordDropout, String attention, boolean inputFeeding, boolean tieEmbeddings) {}
