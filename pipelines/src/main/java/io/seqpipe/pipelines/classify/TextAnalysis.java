package io.seqpipe.pipelines.classify;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.List;

/**
 * Text to model input, the same way in training and prediction: analyze, cut to the longest length
 * kept, look tokens up (an empty text becomes one {@code <unk>}).
 *
 * <pre>{@code
 * TextAnalysis analysis = TextAnalysis.of(config);
 * int[] ids = TextAnalysis.ids(analysis.tokens("Great phone."), vocabulary);
 * }</pre>
 */
final class TextAnalysis {
  private final Tokenizer tokenizer;
  private final int maxLength;

  private TextAnalysis(Tokenizer tokenizer, int maxLength) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
  }

  static TextAnalysis of(ClassifierConfig config) {
    return of(config.analyzer(), Path.of(config.resourceDirectory()), config.maxLength());
  }

  static TextAnalysis of(AnalyzerSpec analyzer, Path resourceDirectory, int maxLength) {
    return new TextAnalysis(Tokenizer.of(Analyzers.create(analyzer, resourceDirectory)), maxLength);
  }

  List<String> tokens(String text) {
    List<String> tokens = tokenizer.tokens(text);
    return tokens.size() > maxLength ? List.copyOf(tokens.subList(0, maxLength)) : tokens;
  }

  /** Every text's tokens, analyzed in parallel, in order. */
  List<List<String>> tokens(List<String> texts) {
    return texts.parallelStream().map(this::tokens).toList();
  }

  static int[] ids(List<String> tokens, Vocabulary vocabulary) {
    return tokens.isEmpty() ? new int[] {Vocabulary.UNK_ID} : vocabulary.encode(tokens);
  }
}
