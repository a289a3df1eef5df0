package io.seqpipe.pipelines.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code npm pack NAME@VERSION}: the package's tarball, exactly as published, from whatever registry the
 * machine's npm is set up for.
 */
public final class NpmClient implements PackageClient {
  @Override
  public Path fetch(String name, String version, Path directory) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder("npm", "pack", name + "@" + version, "--silent").directory(directory.toFile())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run npm to fetch " + name + "@" + version + " (" + e.getMessage()
          + "); install Node.js and npm", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (process.waitFor() != 0) {
        List<String> lines = output.lines().toList();
        throw new IOException("npm pack " + name + "@" + version + " failed: "
            + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + name + "@" + version, e);
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tgz")).findFirst()
          .orElseThrow(() -> new IOException("npm pack " + name + "@" + version + " wrote no tarball"));
    }
  }
}
