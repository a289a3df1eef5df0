package io.seqpipe.nlp.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text in, token strings out: a thin facade over a Lucene {@link Analyzer}.
 *
 * <pre>{@code
 * Tokenizer tokenizer = Tokenizer.of(AnalyzerSpec.preset("english"));
 * List<String> tokens = tokenizer.tokens("The cats were running");  // [cat, were, run]
 * }</pre>
 *
 * <p>Thread-safe: the analyzer keeps one set of Lucene components per thread and reuses it across
 * calls, so a tokenizer is built once and shared.
 */
public final class Tokenizer implements AutoCloseable {
  private static final String FIELD = "text";

  private final Analyzer analyzer;

  private Tokenizer(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public static Tokenizer of(Analyzer analyzer) {
    return new Tokenizer(analyzer);
  }

  public static Tokenizer of(AnalyzerSpec spec) {
    return new Tokenizer(Analyzers.create(spec));
  }

  /** The token strings of {@code text}, in order. */
  public List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** The tokens of {@code text} with their offsets in {@code text}. */
  public List<Token> tokensWithOffsets(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  public Analyzer analyzer() {
    return analyzer;
  }

  @Override
  public void close() {
    analyzer.close();
  }
}
