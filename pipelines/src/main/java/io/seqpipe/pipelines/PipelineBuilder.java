package io.seqpipe.pipelines;

import io.seqpipe.grammar.Format;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a pipeline in Java: each call sets one entry exactly as a pipeline file would, and {@link
 * #build()} validates the whole like a file (unknown names, ranges, missing files), so a built pipeline
 * and a file with the same entries give the same spec. Values are written as in pipeline files ({@code
 * "bilstm(hidden: 128)"}, {@code "adam(lr: 1e-3)"}).
 *
 * <pre>{@code
 * Pipeline pipeline = Pipelines.classify("reviews").train("data/train.tsv").dev("data/dev.tsv")
 *     .analyzer("english").embeddings("learned(dim: 100)").encoder("bilstm(hidden: 128)")
 *     .pooling("attention").epochs(5).seed(7).build();
 * }</pre>
 */
public final class PipelineBuilder {
  private final String name;
  private final String kind;
  private final List<String> entries = new ArrayList<>();
  private Path baseDir = Path.of("").toAbsolutePath();

  PipelineBuilder(String name, String kind) {
    this.name = name;
    this.kind = kind;
  }

  /** The directory relative paths are resolved against (default: the working directory). */
  public PipelineBuilder baseDir(Path directory) {
    this.baseDir = directory.toAbsolutePath().normalize();
    return this;
  }

  public PipelineBuilder dataset(String recipe) {
    return set("data.dataset", recipe);
  }

  public PipelineBuilder train(String path) {
    return set("data.train", quoted(path));
  }

  public PipelineBuilder dev(String path) {
    return set("data.dev", quoted(path));
  }

  public PipelineBuilder test(String path) {
    return set("data.test", quoted(path));
  }

  public PipelineBuilder testSplit(double fraction) {
    return set("data.test_split", Double.toString(fraction));
  }

  /** The text and label columns (TSV/CSV) or fields (JSON lines). */
  public PipelineBuilder fields(String text, String label) {
    return set("data.text", quoted(text)).set("data.label", quoted(label));
  }

  public PipelineBuilder analyzer(String analyzer) {
    return set("analyzer", analyzer);
  }

  public PipelineBuilder embeddings(String embeddings) {
    return set("embeddings", embeddings);
  }

  public PipelineBuilder encoder(String encoder) {
    return set("encoder", encoder);
  }

  public PipelineBuilder pooling(String pooling) {
    return set("pooling", pooling);
  }

  public PipelineBuilder optimizer(String optimizer) {
    return set("train.optimizer", optimizer);
  }

  public PipelineBuilder epochs(int epochs) {
    return set("train.epochs", Integer.toString(epochs));
  }

  public PipelineBuilder seed(long seed) {
    return set("train.seed", Long.toString(seed));
  }

  public PipelineBuilder engine(String engine) {
    return set("train.engine", engine);
  }

  /** Any entry, as {@code --set key.path=value} would set it. */
  public PipelineBuilder set(String key, String value) {
    entries.add(key + "=" + value);
    return this;
  }

  /**
   * @throws io.seqpipe.grammar.tree.PipelineException listing every problem
   */
  public Pipeline build() {
    String header = "pipeline " + name + " : " + kind + " {\n}\n";
    return new Pipeline(PipelineFiles.parse(header, "builder", Format.PIPE, baseDir, entries, RegisteredNames.INSTANCE,
        System::getenv));
  }

  /** The spec built so far, as a pipeline file. */
  public String toPipelineFile() {
    return DslWriter.write(build().spec());
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
