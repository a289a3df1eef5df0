package io.seqpipe.pipelines.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.models.train.TrainingState;
import java.util.List;
import java.util.Map;

/**
 * What a run reports, written as {@code report.json}: the pipeline, where it ran (engine, device,
 * seed), the data it read with their hashes, the training history, the model directory, the time it
 * took and the resolved pipeline, and the kind's own part ({@link TaskReport}: metrics and more).
 *
 * <pre>{@code
 * RunReport report = pipeline.run();
 * System.out.println(report.engine() + " " + report.seconds() + " s");
 * }</pre>
 *
 * @param engineThreads the engine threads a training step ran on ({@code StepThreads}: one for small models)
 * @param data each file read, by role
 * @param subword the subword units the texts were split into ({@code bpe} and its parameters), or null
 * @param training the training state after the last epoch (history per epoch, best epoch)
 * @param averaged the checkpoints the model averages ({@code train { average_last N }}), or null
 * @param model the model directory
 * @param seconds the whole run's wall time
 * @param spec the resolved pipeline, in the pipeline language
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"pipeline", "kind", "engine", "device", "engine_threads", "seed", "data", "examples"})
public record RunReport(String pipeline, String kind, String engine, String device, int engineThreads, long seed,
    Map<String, DataFile> data, Examples examples, @JsonInclude(JsonInclude.Include.NON_NULL) ComponentSpec subword,
    @JsonUnwrapped TaskReport task, TrainingState training,
    @JsonInclude(JsonInclude.Include.NON_NULL) Averaged averaged, String model, double seconds, String spec) {

  /** A data file read, and its SHA-256. */
  public record DataFile(String path, String sha256) {}

  /**
   * A model that is the mean of checkpoints.
   *
   * @param epochs the epochs whose checkpoints are averaged
   * @param dev the averaged model's dev metric (the one early stopping watches)
   */
  public record Averaged(List<Integer> epochs, double dev) {}

  /** Examples in each split. */
  public record Examples(int train, int dev, int test) {}
}
