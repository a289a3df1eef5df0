package io.seqpipe.pipelines.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Gets a published package, by name and version, through the machine's own package client.
 *
 * <pre>{@code
 * Path tarball = new NpmClient().fetch("sentiment", "5.0.2", Files.createTempDirectory("fetch"));
 * }</pre>
 */
public interface PackageClient {
  /** Downloads the package archive into {@code directory} and returns its path. */
  Path fetch(String name, String version, Path directory) throws IOException;
}
