package io.seqpipe.pipelines.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A learnable toy language pair for translate tests: the target is the source reversed and upper-cased. */
public final class ToyTranslation {
  private static final String[] WORDS = {"ka", "lo", "mi", "nu", "pe", "ra", "su", "ti"};

  /** A small translate pipeline over {@code train.{es,en}} and {@code dev.{es,en}} beside it. */
  public static final String PIPELINE = """
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
      """;

  private ToyTranslation() {}

  /** Writes train (1,000 pairs) and dev (60) files and the pipeline into {@code dir}; returns the pipeline file. */
  public static Path write(Path dir) throws IOException {
    Random random = new Random(11);
    writeSplit(dir, "train", 1000, random);
    writeSplit(dir, "dev", 60, random);
    return Files.writeString(dir.resolve("toy.pipe"), PIPELINE);
  }

  /** {@code count} source sentences of the toy language, one a line. */
  public static String sources(int count, long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(String.join(" ", sentence(random))).append('\n');
    }
    return out.toString();
  }

  private static List<String> sentence(Random random) {
    List<String> words = new ArrayList<>();
    for (int w = 0, n = 3 + random.nextInt(4); w < n; w++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return words;
  }

  private static void writeSplit(Path dir, String split, int pairs, Random random) throws IOException {
    StringBuilder source = new StringBuilder();
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      List<String> words = sentence(random);
      source.append(String.join(" ", words)).append('\n');
      Collections.reverse(words);
      target.append(String.join(" ", words).toUpperCase(Locale.ROOT)).append('\n');
    }
    Files.writeString(dir.resolve(split + ".es"), source);
    Files.writeString(dir.resolve(split + ".en"), target);
  }
}
