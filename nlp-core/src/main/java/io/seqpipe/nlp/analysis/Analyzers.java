package io.seqpipe.nlp.analysis;

import io.seqpipe.nlp.analysis.AnalyzerSpec.Chain;
import io.seqpipe.nlp.analysis.AnalyzerSpec.Component;
import io.seqpipe.nlp.analysis.AnalyzerSpec.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.classic.ClassicAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.analysis.util.FilesystemResourceLoader;
import org.apache.lucene.util.ResourceLoader;

/**
 * Builds Lucene analyzers from an {@link AnalyzerSpec}.
 *
 * <pre>{@code
 * Analyzer english = Analyzers.create(AnalyzerSpec.preset("english"));
 * Analyzer custom = Analyzers.create(AnalyzerSpec.chain(List.of(), Component.of("standard"),
 *     List.of(Component.of("lowercase"), Component.of("stop", Map.of("words", "english")))));
 * }</pre>
 *
 * <p>Custom chains take Lucene's SPI names ({@code standard}, {@code lowercase}, {@code porterstem},
 * {@code htmlstrip}, ...). A {@code stop} or {@code keywordmarker} filter's {@code words} may name a
 * language ({@code english}, {@code german}, ...) to use Lucene's bundled Snowball stop list; any other
 * value is a file, resolved against the base directory. Unknown names fail with the names available.
 */
public final class Analyzers {

  /**
   * Words, numbers and runs of punctuation as tokens, case kept: the tokenization for translation, where
   * the output must be turned back into text ({@link Detokenizer}).
   */
  public static final String WORD_PUNCT = "wordpunct";

  private static final String WORD_PUNCT_PATTERN = "(?U)\\w+|[^\\w\\s]+";

  static final Set<String> SNOWBALL_STOP_LISTS =
      Set.of(
          "danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian",
          "norwegian", "portuguese", "russian", "spanish", "swedish");

  private static final Map<String, Supplier<Analyzer>> PRESETS = presets();

  private Analyzers() {}

  private static Map<String, Supplier<Analyzer>> presets() {
    Map<String, Supplier<Analyzer>> presets = new LinkedHashMap<>();
    presets.put("standard", StandardAnalyzer::new);
    presets.put("classic", ClassicAnalyzer::new);
    presets.put("simple", SimpleAnalyzer::new);
    presets.put("whitespace", WhitespaceAnalyzer::new);
    presets.put("keyword", KeywordAnalyzer::new);
    presets.put(
        WORD_PUNCT,
        () -> build(new Chain(List.of(),
            Component.of("pattern", Map.of("pattern", WORD_PUNCT_PATTERN, "group", "0")),
            List.of()), Path.of(".")));
    presets.put("english", EnglishAnalyzer::new);
    presets.put("german", GermanAnalyzer::new);
    presets.put("spanish", SpanishAnalyzer::new);
    presets.put("french", FrenchAnalyzer::new);
    presets.put("italian", ItalianAnalyzer::new);
    presets.put("portuguese", PortugueseAnalyzer::new);
    presets.put("dutch", DutchAnalyzer::new);
    presets.put("russian", RussianAnalyzer::new);
    presets.put("arabic", ArabicAnalyzer::new);
    presets.put("cjk", CJKAnalyzer::new);
    return Map.copyOf(presets);
  }

  /** Names accepted by {@link AnalyzerSpec#preset(String)}, sorted. */
  public static Set<String> presetNames() {
    return new TreeSet<>(PRESETS.keySet());
  }

  /** Lucene's tokenizer SPI names ({@code standard}, {@code whitespace}, ...), sorted. */
  public static Set<String> tokenizerNames() {
    return new TreeSet<>(TokenizerFactory.availableTokenizers());
  }

  /** Lucene's token filter SPI names ({@code lowercase}, {@code stop}, {@code porterStem}, ...), sorted. */
  public static Set<String> tokenFilterNames() {
    return new TreeSet<>(TokenFilterFactory.availableTokenFilters());
  }

  /** Lucene's char filter SPI names ({@code htmlStrip}, {@code mapping}, ...), sorted. */
  public static Set<String> charFilterNames() {
    return new TreeSet<>(CharFilterFactory.availableCharFilters());
  }

  /** Builds the analyzer; files named by components are resolved against the working directory. */
  public static Analyzer create(AnalyzerSpec spec) {
    return create(spec, Path.of("."));
  }

  /**
   * Builds the analyzer; files named by components (stop word lists, ...) are resolved against {@code
   * baseDir}.
   *
   * @throws IllegalArgumentException for an unknown name or bad parameters, naming what is available
   */
  public static Analyzer create(AnalyzerSpec spec, Path baseDir) {
    if (spec instanceof Preset preset) {
      Supplier<Analyzer> supplier = PRESETS.get(preset.name());
      if (supplier == null) {
        throw unknown("analyzer preset", preset.name(), presetNames());
      }
      return supplier.get();
    }
    return build((Chain) spec, baseDir);
  }

  private static Analyzer build(Chain chain, Path baseDir) {
    ResourceLoader loader =
        new FilesystemResourceLoader(baseDir, new ClasspathResourceLoader(Analyzers.class));
    CustomAnalyzer.Builder builder = CustomAnalyzer.builder(loader);
    try {
      for (Component charFilter : chain.charFilters()) {
        requireKnown("char filter", charFilter.name(), CharFilterFactory.availableCharFilters());
        builder.addCharFilter(charFilter.name(), mutable(charFilter.params()));
      }
      Component tokenizer = chain.tokenizer();
      requireKnown("tokenizer", tokenizer.name(), TokenizerFactory.availableTokenizers());
      builder.withTokenizer(tokenizer.name(), mutable(tokenizer.params()));
      for (Component filter : chain.tokenFilters()) {
        requireKnown("token filter", filter.name(), TokenFilterFactory.availableTokenFilters());
        builder.addTokenFilter(filter.name(), withNamedWordList(filter.params()));
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a file named by the analyzer: " + e.getMessage(), e);
    }
  }

  /** Lucene's factories consume their parameter map, so each one gets its own mutable copy. */
  private static Map<String, String> mutable(Map<String, String> params) {
    return new HashMap<>(params);
  }

  private static Map<String, String> withNamedWordList(Map<String, String> params) {
    Map<String, String> copy = mutable(params);
    String words = copy.get("words");
    if (words != null && SNOWBALL_STOP_LISTS.contains(words)) {
      copy.put("words", "/org/apache/lucene/analysis/snowball/" + words + "_stop.txt");
      copy.put("format", "snowball");
    }
    return copy;
  }

  private static void requireKnown(String kind, String name, Set<String> available) {
    if (available.stream().noneMatch(name::equalsIgnoreCase)) {
      throw unknown(kind, name, new TreeSet<>(available));
    }
  }

  private static IllegalArgumentException unknown(String kind, String name, Set<String> available) {
    return new IllegalArgumentException(
        "unknown " + kind + " '" + name + "'; available: " + String.join(", ", available));
  }
}
