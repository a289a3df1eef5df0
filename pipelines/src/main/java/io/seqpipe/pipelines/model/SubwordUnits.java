package io.seqpipe.pipelines.model;

import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.subword.SentencePiece;
import io.seqpipe.nlp.subword.Bpe;
import io.seqpipe.nlp.subword.BpeCodes;
import io.seqpipe.nlp.subword.BpeLearner;
import io.seqpipe.nlp.subword.Subwords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's {@code subword} entry at run time: byte-pair encoding learned from the training tokens, or a
 * SentencePiece model read from the pipeline's file; written into the model directory ({@code SIDE.bpe} in
 * subword-nmt's table format, or a copy of the model as {@code SIDE.model}) and read back from it, so a model
 * applies its subword units without the pipeline file. A side is {@code source} or {@code target} in a
 * translate pipeline, {@code subword} in a classify pipeline. Without a {@code subword} entry, and on a side
 * the entry leaves out ({@code bpe(target: false)}, {@code sentencepiece(source: "de.model")}), tokens stay
 * whole ({@link Subwords#NONE}).
 *
 * <pre>{@code
 * Subwords subwords = SubwordUnits.of(spec.subword(), "source", trainTokens, pipeline.baseDir());
 * SubwordUnits.save(subwords, writer, "source");
 * Subwords loaded = SubwordUnits.load(config.subword(), artifact, "source");
 * }</pre>
 */
public final class SubwordUnits {
  private static final String BPE = "bpe";
  private static final String SENTENCEPIECE = "sentencepiece";
  private static final String MODEL = "model";

  private SubwordUnits() {}

  /** Whether one set of units serves both languages of a translate pipeline (learned from both, for BPE). */
  public static boolean joint(ComponentSpec spec) {
    if (spec == null) {
      return false;
    }
    return switch (spec.name()) {
      case BPE -> spec.bool("joint") && splits(spec, "source") && splits(spec, "target");
      case SENTENCEPIECE -> spec.params().containsKey(MODEL);
      default -> throw unknown(spec);
    };
  }

  /**
   * Whether the units split a side's tokens. BPE splits a side unless its entry says {@code false} (model
   * directories written before BPE took {@code source} and {@code target} split both); SentencePiece splits
   * every side with one model, and a side its entry names a model for.
   */
  private static boolean splits(ComponentSpec spec, String side) {
    return switch (spec.name()) {
      case BPE -> !Boolean.FALSE.equals(spec.params().get(side));
      case SENTENCEPIECE -> spec.params().containsKey(MODEL) || spec.params().containsKey(side);
      default -> throw unknown(spec);
    };
  }

  /**
   * The units of one side: learned from its tokenized training texts (BPE), or read from the model file the
   * spec names for that side, relative to {@code baseDir} (SentencePiece).
   *
   * @param spec the pipeline's {@code subword} entry, or null
   */
  public static Subwords of(ComponentSpec spec, String side, List<List<String>> tokens, Path baseDir)
      throws IOException {
    if (spec == null || !splits(spec, side)) {
      return Subwords.NONE;
    }
    return switch (spec.name()) {
      case BPE -> new Bpe(new BpeLearner(spec.integer("merges"), spec.integer("min_freq")).learn(counts(tokens)));
      case SENTENCEPIECE -> SentencePiece.read(baseDir.resolve(spec.text(joint(spec) ? MODEL : side)));
      default -> throw unknown(spec);
    };
  }

  /** Writes a side's units into a model directory (nothing for whole tokens). */
  public static void save(Subwords subwords, ArtifactWriter writer, String side) throws IOException {
    if (subwords instanceof Bpe bpe) {
      writer.text(side + "." + BPE, bpe.codes().text());
    } else if (subwords instanceof SentencePiece sentencePiece) {
      writer.bytes(side + "." + MODEL, sentencePiece.model());
    }
  }

  /** A side's units that a model directory holds, as its configuration's {@code spec} says. */
  public static Subwords load(ComponentSpec spec, ModelArtifact artifact, String side) throws IOException {
    if (spec == null || !splits(spec, side)) {
      return Subwords.NONE;
    }
    return switch (spec.name()) {
      case BPE -> new Bpe(BpeCodes.read(artifact.file(side + "." + BPE)));
      case SENTENCEPIECE -> SentencePiece.read(artifact.file(side + "." + MODEL));
      default -> throw unknown(spec);
    };
  }

  private static Map<String, Long> counts(List<List<String>> tokens) {
    Map<String, Long> vocabulary = new HashMap<>();
    for (List<String> text : tokens) {
      for (String token : text) {
        vocabulary.merge(token, 1L, Long::sum);
      }
    }
    return vocabulary;
  }

  private static IllegalArgumentException unknown(ComponentSpec spec) {
    return new IllegalArgumentException("unknown subword units '" + spec.name() + "'; known: bpe, sentencepiece");
  }
}
