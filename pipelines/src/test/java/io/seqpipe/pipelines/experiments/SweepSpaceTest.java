package io.seqpipe.pipelines.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSpaceTest {

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
}
