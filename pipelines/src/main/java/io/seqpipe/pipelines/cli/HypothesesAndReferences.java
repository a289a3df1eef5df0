package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.metrics.CorpusStatistics;
import io.seqpipe.nlp.metrics.PairedBootstrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --hyp} and {@code --ref} options of the translation metrics, and reading them aligned. */
final class HypothesesAndReferences {
  @Option(names = "--hyp", required = true,
      description = "System output, one segment a line (repeat with --paired-bs to compare systems; the first is the baseline).")
  List<Path> hypotheses;

  @Option(names = "--ref", required = true, description = "A reference file (repeat for more references).")
  List<Path> references;

  /** Each system's lines, in order, each checked to align with the first's. */
  List<List<String>> systems() throws IOException {
    List<List<String>> systems = new ArrayList<>();
    for (Path file : hypotheses) {
      List<String> lines = LineFiles.read(file);
      if (!systems.isEmpty()) {
        LineFiles.requireAligned(hypotheses.get(0), systems.get(0), file, lines);
      }
      systems.add(lines);
    }
    return systems;
  }

  /** One stream of lines per reference file, each checked to align with the first system's lines. */
  List<List<String>> referenceStreams(List<String> hypothesisLines) throws IOException {
    List<List<String>> streams = new ArrayList<>();
    for (Path reference : references) {
      List<String> lines = LineFiles.read(reference);
      LineFiles.requireAligned(hypotheses.get(0), hypothesisLines, reference, lines);
      streams.add(lines);
    }
    return streams;
  }

  /** Prints the paired bootstrap of every system under {@code metric}. */
  void pairedBootstrap(PairedBootstrapOptions test, PrintWriter out, String name, CorpusStatistics metric,
      List<List<String>> systems, List<List<String>> refs, int decimals, boolean json) {
    List<PairedBootstrap.Scorer> scorers = systems.stream().map(s -> PairedBootstrap.corpus(metric, s, refs)).toList();
    test.print(out, name, hypotheses, scorers, systems.get(0).size(), decimals, json);
  }
}
