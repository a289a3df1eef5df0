package io.seqpipe.grammar;

import io.seqpipe.grammar.spec.PipelineSpec;
import java.nio.file.Path;

/**
 * A validated spec and the directory its relative paths are resolved against (the pipeline file's).
 *
 * <pre>{@code
 * Path train = loaded.resolve(loaded.spec().data().train());
 * }</pre>
 */
public record LoadedPipeline(PipelineSpec spec, Path baseDir) {
  /** A path of the spec, resolved against {@link #baseDir()}. */
  public Path resolve(String path) {
    return baseDir.resolve(path).normalize();
  }
}
