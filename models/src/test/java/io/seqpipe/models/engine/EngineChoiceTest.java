package io.seqpipe.models.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {

  /** Each engine loads offline from its Maven artifact and computes on the chosen device. */
  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void engineLoadsAndComputes(EngineChoice choice) {
    Engine engine = choice.engine();
    assertThat(engine.getEngineName()).isEqualTo(choice.djlName());
    Device device = DeviceChoice.AUTO.resolve(engine);
    try (NDManager manager = engine.newBaseManager(device)) {
      NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      NDArray b = manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
      assertThat(a.matMul(b).toFloatArray()).containsExactly(19, 22, 43, 50);
      assertThat(a.getDevice()).isEqualTo(device);
    }
  }

  @Test
  void cpuIsAlwaysThere() {
    assertThat(DeviceChoice.parse("cpu").resolve(EngineChoice.DEFAULT.engine())).isEqualTo(Device.cpu());
  }

  @Test
  void namesAndErrors() {
    assertThat(EngineChoice.fromId("PyTorch")).isEqualTo(EngineChoice.PYTORCH);
    assertThatThrownBy(() -> EngineChoice.fromId("tensorflow"))
        .hasMessage("unknown engine 'tensorflow'; available: mxnet, pytorch");
    assertThat(DeviceChoice.parse("gpu:1")).isEqualTo(new DeviceChoice("gpu", 1));
    assertThat(DeviceChoice.parse("gpu:1").toString()).isEqualTo("gpu:1");
    assertThatThrownBy(() -> DeviceChoice.parse("tpu"))
        .hasMessage("unknown device 'tpu'; expected auto, cpu, gpu or gpu:N");
    assertThatThrownBy(() -> DeviceChoice.parse("gpu:-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void askingForAMissingGpuFailsClearly() {
    Engine engine = EngineChoice.DEFAULT.engine();
    int gpus = engine.getGpuCount();
    DeviceChoice beyond = new DeviceChoice("gpu", gpus);
    assertThatThrownBy(() -> beyond.resolve(engine))
        .hasMessage("device gpu:" + gpus + " asked for, but MXNet sees " + gpus + " GPU" + (gpus == 1 ? "" : "s"));
  }
}
