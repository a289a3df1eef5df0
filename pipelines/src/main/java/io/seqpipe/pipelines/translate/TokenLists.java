package io.seqpipe.pipelines.translate;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.data.LengthFilter;
import io.seqpipe.nlp.data.ParallelExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Training pairs as source and target tokens, keeping only pairs whose both sides pass the length filter. */
record TokenLists(List<List<String>> sources, List<List<String>> targets) {

  /** @param resources the directory the analyzer's files are relative to */
  static TokenLists of(List<ParallelExample> pairs, AnalyzerSpec analyzer, Path resources, LengthFilter filter) {
    Tokenizer tokenizer = Tokenizer.of(Analyzers.create(analyzer, resources));
    List<List<List<String>>> analyzed = pairs.parallelStream()
        .map(pair -> List.of(tokenizer.tokens(pair.source()), tokenizer.tokens(pair.target()))).toList();
    List<List<String>> sources = new ArrayList<>();
    List<List<String>> targets = new ArrayList<>();
    for (List<List<String>> pair : analyzed) {
      if (filter.accepts(pair.get(0).size()) && filter.accepts(pair.get(1).size())) {
        sources.add(pair.get(0));
        targets.add(pair.get(1));
      }
    }
    return new TokenLists(sources, targets);
  }
}
