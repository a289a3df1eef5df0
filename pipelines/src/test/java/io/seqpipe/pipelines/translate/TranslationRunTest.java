package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translate pipeline end to end on the toy language pair of {@link ToyTranslation}. */
class TranslationRunTest {
  @TempDir Path dir;

  @Test
  void trainsTranslatesScoresAndSavesAModelThatTranslatesTheSame() throws Exception {
    Path file = ToyTranslation.write(dir);
    Path out = dir.resolve("run");
    try (Pipeline pipeline = Pipelines.load(file).outputDirectory(out)) {
      pipeline.run();
      JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
      assertThat(report.at("/metrics/bleu").asDouble()).isGreaterThan(80);
      assertThat(report.at("/metrics/chrf").asDouble()).isGreaterThan(80);
      assertThat(report.at("/metrics/bleu_signature").asText()).isEqualTo("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3");
      assertThat(report.at("/metrics/bleu_greedy").asDouble()).isGreaterThan(80);
      assertThat(report.at("/examples/test").asInt()).isEqualTo(100);
      assertThat(Files.readString(out.resolve("report.html"))).contains("Sample translations (test)", "attention-3.png",
          report.at("/metrics/bleu_signature").asText());
      for (String chart : List.of("loss.png", "dev.png", "attention-1.png", "attention-2.png", "attention-3.png")) {
        assertThat(Arrays.copyOf(Files.readAllBytes(out.resolve(chart)), 4)).as(chart)
            .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      }
      List<String> hypotheses = Files.readAllLines(out.resolve("test.hyp"));
      assertThat(hypotheses).hasSize(100);
      assertThat(Files.readAllLines(out.resolve("test.src"))).hasSize(100).doesNotContainAnyElementsOf(
          Files.readAllLines(out.resolve("test.ref")));
      assertThat(report.at("/unseen_test_tokens/source").asDouble()).isZero();   // 8 words, all in training
      assertThat(report.at("/unseen_test_tokens/target").isNumber()).isTrue();

      List<String> sources = Files.readAllLines(dir.resolve("train.es")).subList(0, 5);
      List<String> fresh = pipeline.model(Translator.class).translate(sources);
      try (Translator loaded = Translator.load(out.resolve("model"), ModelOptions.DEFAULT)) {
        assertThat(loaded.translate(sources)).isEqualTo(fresh);
      }
    }
  }
}
