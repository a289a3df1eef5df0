package io.seqpipe.grammar.catalog;

import static io.seqpipe.grammar.catalog.Param.bool;
import static io.seqpipe.grammar.catalog.Param.integer;
import static io.seqpipe.grammar.catalog.Param.name;
import static io.seqpipe.grammar.catalog.Param.number;
import static io.seqpipe.grammar.catalog.Param.optionalText;
import static io.seqpipe.grammar.catalog.Param.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every model and training component a pipeline can name, with its parameters, defaults and ranges:
 * the one list the binder validates against and "did you mean" draws from. The runtime builds each
 * component by these names (an unknown name is an error there too, never a silent fallback); the
 * analysis components (Lucene's SPI names) and dataset recipes come from the runtime through {@link
 * io.seqpipe.grammar.ComponentNames}.
 *
 * <pre>{@code
 * Catalog.names(Family.SCHEDULE);                      // constant, cosine, plateau, step, warmup_linear
 * Catalog.get(Family.ENCODER, "bilstm").orElseThrow().params();
 * }</pre>
 */
public final class Catalog {
  private static final int MAX = Integer.MAX_VALUE;
  private static final Map<Family, Map<String, ComponentType>> TYPES = new EnumMap<>(Family.class);

  static {
    add(Family.SUBWORD, "bpe", "byte-pair encoding learned from the training data (subword-nmt's algorithm); source, "
        + "target: the sides of a translate pipeline it splits; joint: one table for both, when it splits both", 0,
        List.of(integer("merges", 8000, 1, 10_000_000), integer("min_freq", 2, 1, MAX), bool("joint", true),
            bool("source", true), bool("target", true)));
    add(Family.SUBWORD, "sentencepiece", "a SentencePiece model trained elsewhere (spm_train's .model file): one model for "
        + "all texts, or a translate pipeline's source and target models (either may be left out: that side stays whole "
        + "tokens)", 1,
        List.of(optionalText("model"), optionalText("source"), optionalText("target")));

    List<Param> recurrent = List.of(integer("hidden", 256, 1, 8192), integer("layers", 1, 1, 16),
        number("dropout", 0.3, 0, 0.95), number("input_dropout", 0.0, 0, 0.95),
        number("word_dropout", 0.0, 0, 0.95), bool("residual", false));
    add(Family.ENCODER, "lstm", "a unidirectional LSTM", 0, recurrent);
    add(Family.ENCODER, "gru", "a unidirectional GRU", 0, recurrent);
    add(Family.ENCODER, "bilstm", "a bidirectional LSTM", 0, recurrent);
    add(Family.ENCODER, "bigru", "a bidirectional GRU", 0, recurrent);

    List<Param> decoder = List.of(integer("hidden", null, 1, 8192), integer("layers", 1, 1, 16),
        number("dropout", 0.3, 0, 0.95), number("input_dropout", 0.0, 0, 0.95),
        number("word_dropout", 0.0, 0, 0.95), name("attention", "luong_general", Family.ATTENTION),
        bool("input_feeding", true), bool("tie_embeddings", false));
    add(Family.DECODER, "lstm", "an LSTM attention decoder (hidden defaults to the encoder's output width)", 0, decoder);
    add(Family.DECODER, "gru", "a GRU attention decoder (hidden defaults to the encoder's output width)", 0, decoder);

    add(Family.ATTENTION, "bahdanau", "additive attention (Bahdanau et al.)", 0, List.of());
    add(Family.ATTENTION, "luong_dot", "dot-product attention (Luong et al.); needs equal widths", 0, List.of());
    add(Family.ATTENTION, "luong_general", "bilinear attention (Luong et al.)", 0, List.of());

    add(Family.POOLING, "last", "the last real token's state", 0, List.of());
    add(Family.POOLING, "mean", "the mean over real tokens", 0, List.of());
    add(Family.POOLING, "max", "the maximum over real tokens", 0, List.of());
    add(Family.POOLING, "attention", "an attention-weighted sum over real tokens", 0, List.of());

    add(Family.EMBEDDINGS, "learned", "vectors learned from scratch", 0,
        List.of(integer("dim", null, 1, 4096)));
    List<Param> pretrained = List.of(text("file", null), bool("frozen", false));
    add(Family.EMBEDDINGS, "glove", "GloVe text vectors, from a file or a named dataset (exactly one)", 1,
        List.of(optionalText("file"), optionalText("dataset"), bool("frozen", false)));
    add(Family.EMBEDDINGS, "word2vec", "word2vec text vectors", 1, pretrained);
    add(Family.EMBEDDINGS, "word2vec-binary", "word2vec binary vectors", 1, pretrained);
    add(Family.EMBEDDINGS, "fasttext", "fastText .vec vectors", 1, pretrained);

    List<Param> search = List.of(number("max_ratio", 1.5, 0.1, 100), integer("min_length", 1, 0, MAX),
        integer("no_repeat_ngram", 0, 0, 100), bool("replace_unk", true), bool("unk_lexicon", true));
    add(Family.SEARCH, "greedy", "the most probable token at each step", 0, search);
    List<Param> beam = new ArrayList<>(List.of(integer("size", 5, 1, 100), number("alpha", 0.6, 0, 5),
        integer("n_best", 1, 1, 100)));
    beam.addAll(search);
    add(Family.SEARCH, "beam", "beam search with the GNMT length penalty", 0, beam);

    add(Family.OPTIMIZER, "adam", "Adam", 0,
        List.of(number("lr", 1e-3, 1e-12, 10), number("weight_decay", 0.0, 0, 1)));
    add(Family.OPTIMIZER, "adamw", "Adam with decoupled weight decay", 0,
        List.of(number("lr", 1e-3, 1e-12, 10), number("weight_decay", 0.01, 0, 1)));
    add(Family.OPTIMIZER, "sgd", "stochastic gradient descent with momentum", 0,
        List.of(number("lr", 0.1, 1e-12, 10), number("weight_decay", 0.0, 0, 1), number("momentum", 0.9, 0, 0.999)));

    add(Family.SCHEDULE, "constant", "the optimizer's rate throughout", 0, List.of());
    add(Family.SCHEDULE, "plateau", "multiply by factor after patience epochs without dev improvement", 0,
        List.of(number("factor", 0.5, 0.01, 0.99), integer("patience", 1, 0, MAX), number("min_lr", 0.0, 0, 10)));
    add(Family.SCHEDULE, "cosine", "cosine decay to min_lr over all steps", 0, List.of(number("min_lr", 0.0, 0, 10)));
    add(Family.SCHEDULE, "warmup_linear", "linear warmup, then linear decay to 0", 0,
        List.of(integer("warmup", 1000, 1, MAX)));
    add(Family.SCHEDULE, "step", "multiply by factor every `every` epochs", 0,
        List.of(number("factor", 0.5, 0.01, 0.99), integer("every", 1, 1, MAX)));
  }

  private Catalog() {}

  private static void add(Family family, String name, String summary, int positional, List<Param> params) {
    TYPES.computeIfAbsent(family, f -> new LinkedHashMap<>())
        .put(name, new ComponentType(family, name, summary, positional, params));
  }

  public static Optional<ComponentType> get(Family family, String name) {
    return Optional.ofNullable(TYPES.getOrDefault(family, Map.of()).get(name));
  }

  /** The family's names, sorted. */
  public static Set<String> names(Family family) {
    return Collections.unmodifiableSet(new TreeSet<>(TYPES.getOrDefault(family, Map.of()).keySet()));
  }

  /** The family's components, in catalog order. */
  public static List<ComponentType> types(Family family) {
    return List.copyOf(TYPES.getOrDefault(family, Map.of()).values());
  }
}
