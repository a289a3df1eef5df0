package io.seqpipe.nlp.analysis;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What analyzer to build: a named preset ({@code standard}, {@code english}, ...) or a custom chain of
 * Lucene components named by their SPI names.
 *
 * <pre>{@code
 * AnalyzerSpec english = AnalyzerSpec.preset("english");
 * AnalyzerSpec custom = AnalyzerSpec.chain(
 *     List.of(),                                             // char filters
 *     Component.of("standard"),                              // tokenizer
 *     List.of(Component.of("lowercase"),
 *             Component.of("stop", Map.of("words", "english")),
 *             Component.of("porterstem")));                  // token filters
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AnalyzerSpec.Preset.class, name = "preset"),
    @JsonSubTypes.Type(value = AnalyzerSpec.Chain.class, name = "chain")})
public sealed interface AnalyzerSpec {

  /** One Lucene analysis component: its SPI name and its parameters. */
  record Component(String name, Map<String, String> params) {
    public Component {
      Objects.requireNonNull(name, "name");
      params = Map.copyOf(params);
    }

    public static Component of(String name) {
      return new Component(name, Map.of());
    }

    public static Component of(String name, Map<String, String> params) {
      return new Component(name, params);
    }
  }

  /** A ready-made analyzer, see {@link Analyzers#presetNames()}. */
  record Preset(String name) implements AnalyzerSpec {
    public Preset {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Char filters, then one tokenizer, then token filters, as Lucene's {@code CustomAnalyzer} runs them. */
  record Chain(List<Component> charFilters, Component tokenizer, List<Component> tokenFilters)
      implements AnalyzerSpec {
    public Chain {
      charFilters = List.copyOf(charFilters);
      Objects.requireNonNull(tokenizer, "tokenizer");
      tokenFilters = List.copyOf(tokenFilters);
    }
  }

  static AnalyzerSpec preset(String name) {
    return new Preset(name);
  }

  static AnalyzerSpec chain(List<Component> charFilters, Component tokenizer, List<Component> tokenFilters) {
    return new Chain(charFilters, tokenizer, tokenFilters);
  }
}
