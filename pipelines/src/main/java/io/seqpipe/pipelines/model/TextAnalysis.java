package io.seqpipe.pipelines.model;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.subword.Subwords;
import java.nio.file.Path;
import java.util.List;

/**
 * Text to the pieces a model reads, the same way in training and in use, for every kind of model:
 * analyze, split into subword units (if any), then cut to the longest length kept.
 *
 * <pre>{@code
 * TextAnalysis analysis = TextAnalysis.of(AnalyzerSpec.preset("standard"), Path.of("."), 400, Subwords.NONE);
 * List<String> tokens = analysis.tokens("Great phone.");
 * }</pre>
 */
public final class TextAnalysis {
  private final Tokenizer tokenizer;
  private final int maxLength;
  private final Subwords subwords;

  private TextAnalysis(Tokenizer tokenizer, int maxLength, Subwords subwords) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.subwords = subwords;
  }

  /**
   * @param resourceDirectory where files the analyzer names by relative paths (stop-word lists, ...) are
   */
  public static TextAnalysis of(AnalyzerSpec analyzer, Path resourceDirectory, int maxLength, Subwords subwords) {
    return new TextAnalysis(Tokenizer.of(Analyzers.create(analyzer, resourceDirectory)), maxLength, subwords);
  }

  /** The text's length in pieces before the cut. */
  public int length(String text) {
    return subwords.split(tokenizer.tokens(text)).size();
  }

  public int maxLength() {
    return maxLength;
  }

  public Subwords subwords() {
    return subwords;
  }

  public List<String> tokens(String text) {
    List<String> tokens = subwords.split(tokenizer.tokens(text));
    return tokens.size() > maxLength ? List.copyOf(tokens.subList(0, maxLength)) : tokens;
  }

  /** Every text's pieces, analyzed in parallel, in order. */
  public List<List<String>> tokens(List<String> texts) {
    return texts.parallelStream().map(this::tokens).toList();
  }
}
