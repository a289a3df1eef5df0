package io.seqpipe.pipelines.model;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import java.nio.file.Path;
import java.util.List;

/**
 * Text to tokens, the same way in training and in use, for every kind of model: analyze, then cut to
 * the longest length kept.
 *
 * <pre>{@code
 * TextAnalysis analysis = TextAnalysis.of(AnalyzerSpec.preset("standard"), Path.of("."), 400);
 * List<String> tokens = analysis.tokens("Great phone.");
 * }</pre>
 */
public final class TextAnalysis {
  private final Tokenizer tokenizer;
  private final int maxLength;

  private TextAnalysis(Tokenizer tokenizer, int maxLength) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
  }

  /**
   * @param resourceDirectory where files the analyzer names by relative paths (stop-word lists, ...) are
   */
  public static TextAnalysis of(AnalyzerSpec analyzer, Path resourceDirectory, int maxLength) {
    return new TextAnalysis(Tokenizer.of(Analyzers.create(analyzer, resourceDirectory)), maxLength);
  }

  /** The text's length in tokens before the cut. */
  public int length(String text) {
    return tokenizer.tokens(text).size();
  }

  public int maxLength() {
    return maxLength;
  }

  public List<String> tokens(String text) {
    List<String> tokens = tokenizer.tokens(text);
    return tokens.size() > maxLength ? List.copyOf(tokens.subList(0, maxLength)) : tokens;
  }

  /** Every text's tokens, analyzed in parallel, in order. */
  public List<List<String>> tokens(List<String> texts) {
    return texts.parallelStream().map(this::tokens).toList();
  }
}
