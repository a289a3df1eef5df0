package io.seqpipe.pipelines.model;

import io.seqpipe.grammar.spec.PipelineKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A trained model of any kind, ready for use: what the command line, the Java API and jobs over many
 * texts work with. {@code Pipelines.loadModel} opens a model directory as the kind its manifest names;
 * close the model to free the engine's memory.
 *
 * <pre>{@code
 * try (TrainedModel model = Pipelines.loadModel(Path.of("runs/sentiment/model"))) {
 *   System.out.println(model.kind() + " on " + model.handle().engine());
 *   for (ModelOutput output : model.predict(List.of("Great phone."))) {
 *     System.out.println(output.text() + "\t" + output.score());
 *   }
 * }
 * }</pre>
 */
public interface TrainedModel extends AutoCloseable {
  /** The resolved pipeline's file in a model directory. */
  String SPEC = "spec.pipe";

  PipelineKind kind();

  /** The engine's model, its engine and device, manifest and directory. */
  ModelHandle handle();

  /** The answer for each text, in order, computed in batches. */
  List<? extends ModelOutput> predict(List<String> texts);

  /**
   * The answer for each text with these settings, in order; an answer does not depend on the other texts
   * it is computed with.
   *
   * @throws IllegalArgumentException for settings the model does not take or outside its limits
   */
  List<? extends ModelOutput> predict(List<String> texts, Inference inference);

  /** How the model turns a text into the pieces it reads. */
  TextAnalysis analysis();

  /** A text's length in pieces as the model analyzes it, before the cut to {@link #maxLength()}. */
  default int length(String text) {
    return analysis().length(text);
  }

  /** The most pieces of a text the model reads; the rest is cut. */
  default int maxLength() {
    return analysis().maxLength();
  }

  /**
   * Writes the model directory atomically: everything needed to use it anywhere (parameters,
   * vocabularies, configuration, analyzer resources, the resolved pipeline {@code specText}) and a
   * manifest holding {@code fields}.
   */
  Path save(Path directory, String specText, Map<String, Object> fields) throws IOException;

  @Override
  default void close() {
    handle().close();
  }
}
