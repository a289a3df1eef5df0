package io.seqpipe.pipelines.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The part of {@code report.json} that one kind of pipeline writes (its metrics, vocabulary sizes,
 * examples of its output); {@link RunReport} holds the rest and writes these fields beside its own.
 *
 * <pre>{@code
 * if (report.task() instanceof ClassifyReport classify) {
 *   classify.metrics().dev().f1Macro();
 * }
 * }</pre>
 */
public interface TaskReport {
  /** The metrics as a whole, for {@code report.json}'s {@code metrics} and the manifest. */
  Object metrics();

  /** The lines {@code seqpipe run} prints when training ends: the headline metrics. */
  @JsonIgnore
  List<String> summary();
}
