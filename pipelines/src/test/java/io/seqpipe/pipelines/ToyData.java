package io.seqpipe.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small learnable sentiment task for tests: filler words plus one polar word that decides the label;
 * {@code train.tsv} (240) and {@code dev.tsv} (60), and a pipeline file that trains on them in seconds.
 */
public final class ToyData {
  private static final String[] GOOD = {"great", "lovely", "superb", "fine"};
  private static final String[] BAD = {"awful", "broken", "poor", "dreadful"};
  private static final String[] FILLER = {"the", "phone", "was", "really", "quite", "and", "battery", "screen", "it", "is"};

  private ToyData() {}

  /** Writes the data and {@code toy.pipe} into {@code dir}; returns the pipeline file. */
  public static Path write(Path dir) throws IOException {
    Random random = new Random(1);
    for (String split : new String[] {"train", "dev"}) {
      StringBuilder tsv = new StringBuilder("label\ttext\n");
      for (int i = 0; i < (split.equals("train") ? 240 : 60); i++) {
        boolean positive = random.nextBoolean();
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 2 + random.nextInt(6); w < n; w++) {
          text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
        }
        text.append((positive ? GOOD : BAD)[random.nextInt(4)]);
        tsv.append(positive ? "positive" : "negative").append('\t').append(text).append('\n');
      }
      Files.writeString(dir.resolve(split + ".tsv"), tsv);
    }
    return Files.writeString(dir.resolve("toy.pipe"), PIPELINE);
  }

  public static final String PIPELINE = """
      pipeline toy : classify {
        data { train "train.tsv"; dev "dev.tsv"; test_split 0.2 }
        embeddings learned(dim: 16)
        encoder bilstm(hidden: 16, dropout: 0.0)
        pooling attention
        train {
          optimizer adam(lr: 0.01)
          epochs 6
          batch 16
          early_stop(metric: f1_macro, patience: 3)
        }
      }
      """;
}
