package io.seqpipe.pipelines.model;

import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.nlp.subword.Bpe;
import io.seqpipe.nlp.subword.BpeCodes;
import io.seqpipe.nlp.subword.BpeLearner;
import io.seqpipe.nlp.subword.Subwords;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's {@code subword} entry at run time: learned from the training tokens, written into the
 * model directory (subword-nmt's table format) and read back from it, so a model applies its subword units
 * without the pipeline file. Without a {@code subword} entry, tokens stay whole ({@link Subwords#NONE}).
 *
 * <pre>{@code
 * Subwords subwords = SubwordUnits.learn(spec.subword(), trainTokens);
 * SubwordUnits.save(subwords, writer, "source.bpe");
 * Subwords loaded = SubwordUnits.load(config.subword(), artifact, "source.bpe");
 * }</pre>
 */
public final class SubwordUnits {
  private SubwordUnits() {}

  /**
   * Learns the units of {@code spec} from tokenized training texts.
   *
   * @param spec the pipeline's {@code subword} entry, or null
   */
  public static Subwords learn(ComponentSpec spec, List<List<String>> tokens) {
    if (spec == null) {
      return Subwords.NONE;
    }
    if (!spec.name().equals("bpe")) {
      throw new IllegalArgumentException("unknown subword units '" + spec.name() + "'; known: bpe");
    }
    Map<String, Long> vocabulary = new HashMap<>();
    for (List<String> text : tokens) {
      for (String token : text) {
        vocabulary.merge(token, 1L, Long::sum);
      }
    }
    return new Bpe(new BpeLearner(spec.integer("merges"), spec.integer("min_freq")).learn(vocabulary));
  }

  /** Writes learned units into a model directory under {@code name} (nothing for whole tokens). */
  public static void save(Subwords subwords, ArtifactWriter writer, String name) throws IOException {
    if (subwords instanceof Bpe bpe) {
      writer.text(name, bpe.codes().text());
    }
  }

  /** The units a model directory holds under {@code name}, as its configuration's {@code spec} says. */
  public static Subwords load(ComponentSpec spec, ModelArtifact artifact, String name) throws IOException {
    if (spec == null) {
      return Subwords.NONE;
    }
    return new Bpe(BpeCodes.read(artifact.file(name)));
  }
}
