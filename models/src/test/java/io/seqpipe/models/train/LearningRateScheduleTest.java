package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void stepMultipliesTheRateByItsFactorEveryPeriod() {
    LearningRateSchedule schedule = LearningRateSchedule.of("step", 0.1f, Map.of("factor", 0.5, "every", 2));
    float[] expected = {0.1f, 0.1f, 0.05f, 0.05f, 0.025f, 0.025f, 0.0125f};
    assertThat(schedule.getNewValue(0)).isEqualTo(0.1f);
    for (int epoch = 1; epoch < expected.length; epoch++) {
      schedule.endEpoch(epoch, epoch % 3 == 0); // improvement does not matter
      assertThat(schedule.getNewValue(epoch * 10)).as("after epoch %d", epoch).isCloseTo(expected[epoch], within(1e-7f));
    }
  }

  @Test
  void aResumedStepScheduleContinuesWhereItWas() {
    LearningRateSchedule schedule = LearningRateSchedule.of("step", 0.1f, Map.of("factor", 0.5, "every", 2));
    schedule.resume(new LearningRateSchedule.State(5, 1f, 0));
    assertThat(schedule.getNewValue(0)).isCloseTo(0.025f, within(1e-7f));
  }
}
