package io.seqpipe.pipelines.translate;

import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.data.LengthFilter;
import io.seqpipe.nlp.data.ParallelExample;
import io.seqpipe.nlp.subword.Subwords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Training pairs as source and target tokens (or subword pieces), one list per side, aligned. */
record TokenLists(List<List<String>> sources, List<List<String>> targets) {

  /**
   * Every pair analyzed into tokens.
   *
   * @param resources the directory the analyzer's files are relative to
   */
  static TokenLists of(List<ParallelExample> pairs, AnalyzerSpec analyzer, Path resources) {
    Tokenizer tokenizer = Tokenizer.of(Analyzers.create(analyzer, resources));
    List<List<List<String>>> analyzed = pairs.parallelStream()
        .map(pair -> List.of(tokenizer.tokens(pair.source()), tokenizer.tokens(pair.target()))).toList();
    return new TokenLists(analyzed.stream().map(pair -> pair.get(0)).toList(),
        analyzed.stream().map(pair -> pair.get(1)).toList());
  }

  /** Each side split into its subword pieces. */
  TokenLists split(Subwords source, Subwords target) {
    return new TokenLists(sources.stream().map(source::split).toList(), targets.stream().map(target::split).toList());
  }

  /**
   * The share of this data's tokens, source and target side, that never occur on the same side of
   * {@code seen} (e.g. test tokens unseen in training); 0 for sides without tokens.
   */
  TranslateReport.Unseen unseenIn(TokenLists seen) {
    return new TranslateReport.Unseen(unseenShare(sources, seen.sources), unseenShare(targets, seen.targets));
  }

  private static double unseenShare(List<List<String>> tokens, List<List<String>> seen) {
    Set<String> known = new HashSet<>();
    seen.forEach(known::addAll);
    long total = tokens.stream().mapToLong(List::size).sum();
    long unseen = tokens.stream().flatMap(List::stream).filter(token -> !known.contains(token)).count();
    return total == 0 ? 0 : (double) unseen / total;
  }

  /** Only the pairs whose both sides pass the length filter. */
  TokenLists filter(LengthFilter filter) {
    List<List<String>> keptSources = new ArrayList<>();
    List<List<String>> keptTargets = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      if (filter.accepts(sources.get(i).size()) && filter.accepts(targets.get(i).size())) {
        keptSources.add(sources.get(i));
        keptTargets.add(targets.get(i));
      }
    }
    return new TokenLists(keptSources, keptTargets);
  }
}
