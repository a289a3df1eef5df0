package io.seqpipe.pipelines.cli;

import io.seqpipe.nlp.metrics.Bleu;
import io.seqpipe.nlp.metrics.BleuScore;
import io.seqpipe.nlp.metrics.BleuTokenizer;
import io.seqpipe.nlp.metrics.Smoothing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqpipe score bleu}: corpus BLEU as sacrebleu computes and prints it. */
@Command(name = "bleu", mixinStandardHelpOptions = true,
    description = "Corpus BLEU, identical to sacrebleu 2.x, with its signature.")
final class BleuCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypothesesAndReferences files;

  @Option(names = {"--tokenize", "-tok"}, defaultValue = "13a", description = "13a, intl, char or none (default: ${DEFAULT-VALUE}).")
  String tokenize;

  @Option(names = {"--smooth-method", "-s"}, defaultValue = "exp", description = "exp, floor, add-k or none (default: ${DEFAULT-VALUE}).")
  String smoothing;

  @Option(names = "--smooth-value", description = "The value of floor or add-k smoothing (default: 0.1 and 1).")
  Double smoothValue;

  @Option(names = "--max-order", defaultValue = "4", description = "Largest n-gram order (default: ${DEFAULT-VALUE}).")
  int maxOrder;

  @Option(names = {"--lowercase", "-lc"}, description = "Compare lowercased text.")
  boolean lowercase;

  @Option(names = {"--width", "-w"}, defaultValue = "1", description = "Decimals of the score (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--json", description = "Print JSON like sacrebleu's default output.")
  boolean json;

  @Mixin PairedBootstrapOptions pairedBootstrap;

  @Override
  public Integer call() throws Exception {
    Bleu bleu = Bleu.builder().tokenizer(BleuTokenizer.forName(tokenize)).smoothing(Smoothing.forName(smoothing))
        .smoothValue(smoothValue == null ? Double.NaN : smoothValue).maxOrder(maxOrder).lowercase(lowercase).build();
    List<List<String>> systems = files.systems();
    pairedBootstrap.requireFor("--hyp", systems.size());
    List<List<String>> refs = files.referenceStreams(systems.get(0));
    if (pairedBootstrap.enabled) {
      files.pairedBootstrap(pairedBootstrap, spec.commandLine().getOut(), "BLEU|" + bleu.signature("1"), bleu, systems,
          refs, width, json);
      return 0;
    }
    BleuScore score = bleu.corpusScore(systems.get(0), refs);
    spec.commandLine().getOut().println(json ? Json.write(asJson(score)) : score.format(width));
    return 0;
  }

  private Map<String, Object> asJson(BleuScore score) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", "BLEU");
    out.put("score", Double.parseDouble(score.scoreText(width)));
    out.put("signature", score.signature());
    out.put("verbose_score", score.verbose());
    SignatureFields.addTo(out, score.signature());
    return out;
  }
}
