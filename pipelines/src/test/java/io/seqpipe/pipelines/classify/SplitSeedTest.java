package io.seqpipe.pipelines.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test split carved out of train follows data.split_seed, whatever train.seed is, and train.seed without it. */
class SplitSeedTest {
  @TempDir Path dir;

  @Test
  void theSplitSeedKeepsTheTestSetAcrossTrainingSeeds() throws Exception {
    List<String> lines = new ArrayList<>(List.of("text\tlabel"));
    for (int i = 0; i < 200; i++) {
      lines.add("sentence number " + i + "\t" + (i % 2 == 0 ? "pos" : "neg"));
    }
    Files.write(dir.resolve("train.tsv"), lines);
    Files.write(dir.resolve("dev.tsv"), lines.subList(0, 11));
    Path file = Files.writeString(dir.resolve("p.pipe"),
        "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\"; test_split 0.1 }\n}\n");

    List<ClassificationExample> seed7 = test(file, "train.seed=7", "data.split_seed=42");
    assertThat(seed7).hasSize(20).isEqualTo(test(file, "train.seed=9", "data.split_seed=42"))
        .isEqualTo(test(file, "train.seed=42"));
    assertThat(test(file, "train.seed=7")).isNotEqualTo(seed7);
  }

  private static List<ClassificationExample> test(Path file, String... overrides) throws Exception {
    LoadedPipeline pipeline = PipelineFiles.load(file, List.of(overrides), RegisteredNames.INSTANCE);
    return ClassificationData.load(pipeline, (ClassifySpec) pipeline.spec()).test();
  }
}
