package io.seqpipe.models.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where to compute: {@code auto} (a GPU when the engine sees one, else the CPU), {@code cpu}, {@code
 * gpu} (the first GPU) or {@code gpu:N}.
 *
 * <pre>{@code
 * Device device = DeviceChoice.parse("auto").resolve(EngineChoice.MXNET.engine());
 * }</pre>
 *
 * @param kind {@code auto}, {@code cpu} or {@code gpu}
 * @param index the GPU's index (0 unless {@code gpu:N})
 */
public record DeviceChoice(String kind, int index) {
  public static final DeviceChoice AUTO = new DeviceChoice("auto", 0);

  /** Reads {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
  public static DeviceChoice parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("auto") || value.equals("cpu") || value.equals("gpu")) {
      return new DeviceChoice(value, 0);
    }
    if (value.startsWith("gpu:")) {
      try {
        int index = Integer.parseInt(value.substring(4));
        if (index >= 0) {
          return new DeviceChoice("gpu", index);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("unknown device '" + text + "'; expected auto, cpu, gpu or gpu:N");
  }

  /**
   * The device on {@code engine}.
   *
   * @throws IllegalArgumentException when a GPU is asked for that the engine does not see
   */
  public Device resolve(Engine engine) {
    int gpus = engine.getGpuCount();
    return switch (kind) {
      case "cpu" -> Device.cpu();
      case "auto" -> gpus > 0 ? Device.gpu(0) : Device.cpu();
      default -> {
        if (index >= gpus) {
          throw new IllegalArgumentException("device " + this + " asked for, but " + engine.getEngineName()
              + " sees " + gpus + " GPU" + (gpus == 1 ? "" : "s"));
        }
        yield Device.gpu(index);
      }
    };
  }

  @Override
  public String toString() {
    return kind.equals("gpu") ? "gpu:" + index : kind;
  }
}
