package io.seqpipe.pipelines.model;

import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;

/**
 * Where a trained model runs: its engine (null: the one it was trained with) and device.
 *
 * <pre>{@code
 * TrainedModel model = TrainedModel.load(dir, new ModelOptions(EngineChoice.PYTORCH, DeviceChoice.parse("cpu")));
 * }</pre>
 *
 * @param engine the engine, or null for the model's own
 * @param device {@code auto} picks a GPU when there is one
 */
public record ModelOptions(EngineChoice engine, DeviceChoice device) {
  /** The model's own engine, on a GPU if there is one. */
  public static final ModelOptions DEFAULT = new ModelOptions(null, DeviceChoice.AUTO);

  public ModelOptions {
    device = device == null ? DeviceChoice.AUTO : device;
  }

  /** From command-line words: an engine id or null, a device name or null. */
  public static ModelOptions of(String engine, String device) {
    return new ModelOptions(engine == null ? null : EngineChoice.fromId(engine),
        device == null ? DeviceChoice.AUTO : DeviceChoice.parse(device));
  }
}
