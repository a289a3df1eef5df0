package io.seqpipe.pipelines.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --hyp} and {@code --ref} options of the translation metrics, and reading them aligned. */
final class HypothesesAndReferences {
  @Option(names = "--hyp", required = true, description = "System output, one segment a line.")
  Path hypotheses;

  @Option(names = "--ref", required = true, description = "A reference file (repeat for more references).")
  List<Path> references;

  /** The hypotheses' lines. */
  List<String> hypothesisLines() throws IOException {
    return LineFiles.read(hypotheses);
  }

  /** One stream of lines per reference file, each checked to align with {@code hypotheses}. */
  List<List<String>> referenceStreams(List<String> hypothesisLines) throws IOException {
    List<List<String>> streams = new ArrayList<>();
    for (Path reference : references) {
      List<String> lines = LineFiles.read(reference);
      LineFiles.requireAligned(hypotheses, hypothesisLines, reference, lines);
      streams.add(lines);
    }
    return streams;
  }
}
