package io.seqpipe.spark;

import io.seqpipe.pipelines.model.TrainedModel;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.StructField;

/**
 * What a job computes for a window of texts with a loaded model, as output lines (text input) or result
 * columns (Parquet and JSON input); shipped to the executors with the job.
 *
 * <pre>{@code
 * Answers answers = new TranslationAnswers(new Inference(5, 1), 1500);
 * List<String> lines = answers.lines(model, 0, List.of("Hola."), 2);   // what seqpipe translate writes
 * }</pre>
 */
interface Answers extends Serializable {
  /** The kind of model the job needs. */
  Class<? extends TrainedModel> kind();

  /** Refuses settings the model does not take, on the driver, before the job starts. */
  void check(TrainedModel model);

  /** Refuses input the job cannot read, on the driver, before the job starts (every input by default is fine). */
  default void check(Input input) {}

  /**
   * The output lines for {@code texts}, the first of which is line {@code firstIndex} of the input.
   *
   * @param threads the executor's cores, on which the texts may run side by side where the kind of model can
   */
  List<String> lines(TrainedModel model, long firstIndex, List<String> texts, int threads);

  /** The result columns added to a table. */
  List<StructField> columns();

  /** Each text's values for {@link #columns()}, in order; {@code threads} as for {@link #lines}. */
  List<Object[]> values(TrainedModel model, List<String> texts, int threads);
}
