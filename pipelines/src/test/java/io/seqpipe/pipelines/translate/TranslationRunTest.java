package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translate pipeline end to end on a learnable toy language pair: the target is the source reversed. */
class TranslationRunTest {
  private static final String[] WORDS = {"ka", "lo", "mi", "nu", "pe", "ra", "su", "ti"};

  @TempDir Path dir;

  private void write(String split, int pairs, Random random) throws Exception {
    StringBuilder source = new StringBuilder();
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 0, n = 3 + random.nextInt(4); w < n; w++) {
        words.add(WORDS[random.nextInt(WORDS.length)]);
      }
      source.append(String.join(" ", words)).append('\n');
      Collections.reverse(words);
      target.append(String.join(" ", words).toUpperCase(Locale.ROOT)).append('\n');
    }
    Files.writeString(dir.resolve(split + ".es"), source);
    Files.writeString(dir.resolve(split + ".en"), target);
  }

  @Test
  void trainsTranslatesScoresAndSavesAModelThatTranslatesTheSame() throws Exception {
    Random random = new Random(11);
    write("train", 1000, random);
    write("dev", 60, random);
    Path file = Files.writeString(dir.resolve("toy.pipe"), """
        pipeline toy_mt : translate {
          source es
          target en
          data { train "train"; dev "dev"; test_split 0.1 }
          vocabulary(min_freq: 1, max_size: 100, shared: false)
          embeddings learned(dim: 16)
          encoder bilstm(hidden: 16, layers: 1, dropout: 0.0)
          decoder lstm(hidden: 32, attention: luong_general, input_feeding: true)
          search beam(size: 3, alpha: 0.6, max_ratio: 2.0)
          train {
            optimizer adam(lr: 0.01)
            epochs 10
            batch 32
            early_stop(metric: bleu, patience: 5)
          }
        }
        """);
    Path out = dir.resolve("run");
    try (Pipeline pipeline = Pipelines.load(file).outputDirectory(out)) {
      pipeline.run();
      JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
      assertThat(report.at("/metrics/bleu").asDouble()).isGreaterThan(80);
      assertThat(report.at("/metrics/chrf").asDouble()).isGreaterThan(80);
      assertThat(report.at("/metrics/bleu_signature").asText()).isEqualTo("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.4.3");
      assertThat(report.at("/examples/test").asInt()).isEqualTo(100);
      List<String> hypotheses = Files.readAllLines(out.resolve("test.hyp"));
      assertThat(hypotheses).hasSize(100);

      List<String> sources = Files.readAllLines(dir.resolve("train.es")).subList(0, 5);
      List<String> fresh = pipeline.translator().translate(sources);
      try (Translator loaded = Translator.load(out.resolve("model"))) {
        assertThat(loaded.translate(sources)).isEqualTo(fresh);
      }
    }
  }
}
