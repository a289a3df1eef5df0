package io.seqpipe.pipelines.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A real recipe's conversion pinned to another archive hash, for packages built in a test. */
record PinnedRecipe(DatasetRecipe real, String sha256) implements DatasetRecipe {
  public String name() { return real.name(); }
  public Kind kind() { return real.kind(); }
  public String description() { return real.description(); }
  public String size() { return real.size(); }
  public String license() { return real.license(); }
  public String packageName() { return real.packageName(); }
  public String packageVersion() { return real.packageVersion(); }
  public Map<String, String> files() { return real.files(); }
  public void convert(Path archive, Path directory) throws IOException { real.convert(archive, directory); }
}
