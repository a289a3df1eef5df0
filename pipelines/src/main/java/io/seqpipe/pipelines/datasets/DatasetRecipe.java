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
  String name();

  /** One line for {@code seqpipe data list}: what it is, its size and license. */
  String description();

  String packageName();

  String packageVersion();

  /** The SHA-256 of the package archive, hex. */
  String sha256();

  /** The files it produces by role ({@code train}, {@code dev}, {@code test}), relative to its directory. */
  Map<String, String> files();

  /** Writes {@link #files()} into {@code directory} from the package archive. */
  void convert(Path archive, Path directory) throws IOException;
}
