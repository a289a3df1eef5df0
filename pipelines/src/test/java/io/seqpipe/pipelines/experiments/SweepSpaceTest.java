package io.seqpipe.pipelines.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpaceTest {
  @TempDir Path dir;

  @Test
  void theGridIsTheProductFirstKeySlowest() {
    SweepSpace space = SweepSpace.parse(List.of("encoder.hidden=64,128", "train.optimizer.lr=1e-3, 3e-3"), List.of(), 0);
    assertThat(space.trials(1)).containsExactly(
        Map.of("encoder.hidden", "64", "train.optimizer.lr", "1e-3"),
        Map.of("encoder.hidden", "64", "train.optimizer.lr", "3e-3"),
        Map.of("encoder.hidden", "128", "train.optimizer.lr", "1e-3"),
        Map.of("encoder.hidden", "128", "train.optimizer.lr", "3e-3"));
    assertThat(space.trials(2)).isEqualTo(space.trials(1));
  }

  @Test
  void randomTrialsAreTheSameForASeedAndStayInTheirRanges() {
    SweepSpace space = SweepSpace.parse(List.of("encoder.dropout=0.2,0.4"),
        List.of("train.optimizer.lr=1e-4:1e-2:log", "encoder.hidden=32:256"), 50);
    List<Map<String, String>> trials = space.trials(7);
    assertThat(trials).hasSize(50).isEqualTo(space.trials(7)).isNotEqualTo(space.trials(8));
    for (Map<String, String> trial : trials) {
      assertThat(trial.get("encoder.dropout")).isIn("0.2", "0.4");
      assertThat(Double.parseDouble(trial.get("train.optimizer.lr"))).isBetween(1e-4, 1e-2);
      assertThat(trial.get("encoder.hidden")).matches("\\d+");
      assertThat(Integer.parseInt(trial.get("encoder.hidden"))).isBetween(32, 256);
    }
    // uniform in log space: about half the draws fall below the geometric middle, 1e-3
    long low = trials.stream().filter(t -> Double.parseDouble(t.get("train.optimizer.lr")) < 1e-3).count();
    assertThat(low).isBetween(12L, 38L);
  }

  @Test
  void malformedOptionsAreOneLineNamingThem() {
    assertThatThrownBy(() -> SweepSpace.parse(List.of("encoder.hidden"), List.of(), 0))
        .hasMessage("--grid 'encoder.hidden': expected KEY=V1,V2, e.g. encoder.hidden=64,128");
    assertThatThrownBy(() -> SweepSpace.parse(List.of(), List.of("train.optimizer.lr=0:1e-2:log"), 4))
        .hasMessage("--range 'train.optimizer.lr=0:1e-2:log': expected LOW < HIGH, both above 0 for :log");
    assertThatThrownBy(() -> SweepSpace.parse(List.of(), List.of("train.optimizer.lr=1e-4:1e-2"), 0))
        .hasMessage("--range needs --random N, the number of trials to draw");
  }

  @Test
  void aFileBlockGivesTheTrialsOfTheEquivalentOptions() throws Exception {
    ToyData.write(dir);
    String grid = "grid {\n    encoder.hidden [8, 16]\n    train.optimizer [adam(lr: 1e-2), sgd(momentum: 0.5)]\n"
        + "    train.optimizer.weight_decay [0, 1e-4]\n  }";
    assertSameTrials(block(grid), List.of("encoder.hidden=8,16", "train.optimizer=adam(lr: 1e-2),sgd(momentum: 0.5)",
        "train.optimizer.weight_decay=0,1e-4"), List.of(), 0, 1, 8);
    String random = "grid { pooling [mean, attention, max] }\n  random 6\n  seed 5\n"
        + "  range {\n    train.label_smoothing [1e-3, 0.2, log]\n    train.batch [8, 32]\n  }";
    assertSameTrials(block(random), List.of("pooling=mean,attention,max"),
        List.of("train.label_smoothing=1e-3:0.2:log", "train.batch=8:32"), 6, 5, 6);
  }

  /** The toy pipeline with a sweep block. */
  private Path block(String body) throws Exception {
    String text = ToyData.PIPELINE.substring(0, ToyData.PIPELINE.lastIndexOf('}')) + "  sweep {\n  " + body + "\n  }\n}\n";
    return Files.writeString(dir.resolve("swept.pipe"), text);
  }

  /** Trial by trial, the block's overrides and the options' give equal pipelines. */
  private static void assertSameTrials(Path file, List<String> grids, List<String> ranges, int random, long seed,
      int count) {
    SweepSpec block = PipelineFiles.load(file, List.of(), RegisteredNames.INSTANCE).spec().sweep();
    assertThat(block.seed()).isEqualTo(seed);
    List<Map<String, String>> fromFile = SweepSpace.of(block).trials(block.seed());
    List<Map<String, String>> fromOptions = SweepSpace.parse(grids, ranges, random).trials(seed);
    assertThat(fromFile).hasSize(count).hasSameSizeAs(fromOptions);
    List<PipelineSpec> distinct = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      assertThat(fromFile.get(i).keySet()).containsExactlyElementsOf(fromOptions.get(i).keySet());
      PipelineSpec viaFile = load(file, fromFile.get(i));
      assertThat(viaFile).as("trial %d: %s and %s", i + 1, fromFile.get(i), fromOptions.get(i))
          .isEqualTo(load(file, fromOptions.get(i)));
      if (!distinct.contains(viaFile)) {
        distinct.add(viaFile);
      }
    }
    assertThat(distinct).hasSizeGreaterThan(count / 2);
  }

  private static PipelineSpec load(Path file, Map<String, String> parameters) {
    return PipelineFiles.load(file, parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
        RegisteredNames.INSTANCE).spec();
  }
}
