package io.seqpipe.pipelines.translate;

import io.seqpipe.models.train.TrainingState.EpochRecord;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.report.Charts;
import io.seqpipe.pipelines.report.Html;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.run.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html} of a translation run, with its PNG charts beside it: training loss and dev BLEU
 * curves, test BLEU and chrF (the spec's search and greedy) with their signatures, sample translations,
 * attention heat maps of the first samples, the data hashes and the resolved spec.
 */
final class TranslationPage {
  /** Samples drawn as attention heat maps. */
  static final int HEAT_MAPS = 3;

  /** A test sentence, its reference, and its translations with the spec's search and greedy. */
  record Sample(String source, List<String> sourceTokens, String reference, Translation translation, String greedy) {}

  private TranslationPage() {}

  static void write(Path out, RunReport report, TranslateReport translate, List<Sample> samples) throws IOException {
    TrainingState state = report.training();
    double[] epochs = state.history().stream().mapToDouble(EpochRecord::epoch).toArray();
    Charts.curve(out.resolve("loss.png"), "Training loss", "loss", epochs,
        state.history().stream().mapToDouble(EpochRecord::trainLoss).toArray());
    Charts.curve(out.resolve("dev.png"), "Dev BLEU (greedy)", "bleu", epochs,
        state.history().stream().mapToDouble(EpochRecord::devMetric).toArray());

    Html page = new Html("Seqpipe report: " + report.pipeline());
    page.paragraph(String.format(Locale.ROOT, "engine %s on %s, seed %d, best epoch %d of %d, %.1f s, %d parameters",
        report.engine(), report.device(), report.seed(), state.bestEpoch(), state.epoch(), report.seconds(),
        translate.parameters()));
    TranslateReport.Metrics metrics = translate.metrics();
    List<List<String>> rows = new ArrayList<>();
    if (metrics.bleu() != null) {
      rows.add(List.of("test, beam " + metrics.search().beam(), Html.number(metrics.bleu()), Html.number(metrics.chrf())));
      rows.add(List.of("test, greedy", Html.number(metrics.bleuGreedy()), Html.number(metrics.chrfGreedy())));
    }
    rows.add(List.of("dev, greedy (best epoch)", Html.number(metrics.devBleuGreedy()), ""));
    page.heading("Metrics").table(List.of("split and search", "BLEU", "chrF"), rows);
    if (metrics.bleuSignature() != null) {
      page.paragraph("BLEU " + metrics.bleuSignature() + "; chrF " + metrics.chrfSignature());
    }
    page.image("loss.png", "training loss per epoch").image("dev.png", "dev BLEU per epoch");
    if (!samples.isEmpty()) {
      List<List<String>> sampleRows = new ArrayList<>();
      for (Sample sample : samples) {
        sampleRows.add(List.of(sample.source(), sample.reference(), sample.translation().text(), sample.greedy()));
      }
      page.heading("Sample translations (test)").table(List.of("source", "reference", "translation", "greedy"),
          sampleRows);
      page.heading("Attention");
      for (int i = 0, drawn = 0; i < samples.size() && drawn < HEAT_MAPS; i++) {
        Sample sample = samples.get(i);
        if (sample.sourceTokens().isEmpty() || sample.translation().tokens().isEmpty()) {
          continue;
        }
        drawn++;
        String file = "attention-" + (i + 1) + ".png";
        Charts.attention(out.resolve(file), "Test sample " + (i + 1), sample.sourceTokens(),
            sample.translation().tokens(), sample.translation().attention());
        page.image(file, "attention of test sample " + (i + 1));
      }
    }
    page.heading("Data").table(List.of("role", "path", "sha256"), Reports.dataRows(report));
    page.heading("Pipeline").preformatted(report.spec());
    AtomicFiles.writeString(out.resolve("report.html"), page.close());
  }
}
