package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.metrics.ChrF;
import io.seqpipe.nlp.metrics.ChrFScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe score chrf}: chrF / chrF++ as sacrebleu computes and prints it. */
@Command(name = "chrf", mixinStandardHelpOptions = true,
    description = "Corpus chrF (chrF++ with --word-order 2), identical to sacrebleu 2.x, with its signature.")
final class ChrFCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypothesesAndReferences files;

  @Option(names = "--char-order", defaultValue = "6", description = "Character n-gram order (default: ${DEFAULT-VALUE}).")
  int charOrder;

  @Option(names = "--word-order", defaultValue = "0", description = "Word n-gram order; 2 is chrF++ (default: ${DEFAULT-VALUE}).")
  int wordOrder;

  @Option(names = "--beta", defaultValue = "2", description = "Recall weight (default: ${DEFAULT-VALUE}).")
  int beta;

  @Option(names = {"--lowercase", "-lc"}, description = "Compare lowercased text.")
  boolean lowercase;

  @Option(names = "--whitespace", description = "Keep whitespace in character n-grams.")
  boolean whitespace;

  @Option(names = "--eps-smoothing", description = "chrF++.py's epsilon smoothing.")
  boolean epsSmoothing;

  @Option(names = {"--width", "-w"}, defaultValue = "1", description = "Decimals of the score (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--json", description = "Print JSON like sacrebleu's default output.")
  boolean json;

  @Mixin PairedBootstrapOptions pairedBootstrap;

  @Override
  public Integer call() throws Exception {
    ChrF chrf = ChrF.builder().charOrder(charOrder).wordOrder(wordOrder).beta(beta).lowercase(lowercase)
        .whitespace(whitespace).epsSmoothing(epsSmoothing).build();
    List<List<String>> systems = files.systems();
    pairedBootstrap.requireFor("--hyp", systems.size());
    List<List<String>> refs = files.referenceStreams(systems.get(0));
    if (pairedBootstrap.enabled) {
      files.pairedBootstrap(pairedBootstrap, spec.commandLine().getOut(), "chrF|" + chrf.signature("1"), chrf, systems,
          refs, width, json);
      return 0;
    }
    ChrFScore score = chrf.corpusScore(systems.get(0), refs);
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", score.name());
      out.put("score", Double.parseDouble(score.scoreText(width)));
      out.put("signature", score.signature());
      SignatureFields.addTo(out, score.signature());
      spec.commandLine().getOut().println(Json.write(out));
    } else {
      spec.commandLine().getOut().println(score.format(width));
    }
    return 0;
  }
}
