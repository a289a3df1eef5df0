package io.seqpipe.pipelines.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.io.Hashes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes and the cache, with a package client that serves a tarball made here (no registry needed). */
class DatasetCacheTest {
  @TempDir Path dir;

  /** A tarball laid out like the sentiment package: three fixture files, each ending in an empty record. */
  private Path sentimentTarball() throws IOException {
    Path archive = dir.resolve("sentiment-5.0.2.tgz");
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      for (String domain : List.of("amazon", "imdb", "yelp")) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
          json.append("{\"text\":\"").append(domain).append(" sentence\\tnumber ").append(i).append("\",\"class\":")
              .append(i % 2).append("},");
        }
        json.append("{\"text\":\"\",\"class\":null}]");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("package/test/fixtures/" + domain + ".json");
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  static PackageClient serving(Path archive, AtomicInteger calls) {
    return (name, version, directory) -> {
      calls.incrementAndGet();
      return Files.copy(archive, directory.resolve(archive.getFileName()));
    };
  }

  @Test
  void fetchesOnceConvertsAndSplitsByHash() throws Exception {
    Path archive = sentimentTarball();
    AtomicInteger calls = new AtomicInteger();
    DatasetCache cache = new DatasetCache(dir.resolve("cache"), serving(archive, calls));
    DatasetRecipe recipe = new PinnedRecipe(DatasetRecipes.get("uci-sentiment"), Hashes.sha256(archive));
    Map<String, Path> files = cache.files(recipe);
    assertThat(files.keySet()).containsExactlyInAnyOrder("train", "dev", "test");
    assertThat(files.get("train")).isEqualTo(dir.resolve("cache/datasets/uci-sentiment-5.0.2/train.tsv"));
    int rows = 0;
    for (Path file : files.values()) {
      List<String> lines = Files.readAllLines(file);
      assertThat(lines.get(0)).isEqualTo("label\tdomain\ttext");
      for (String line : lines.subList(1, lines.size())) {
        String[] columns = line.split("\t", -1);
        assertThat(columns).hasSize(3);
        assertThat(columns[0]).isIn("positive", "negative");
        assertThat(UciSentimentRecipe.splitOf(columns[2]) + ".tsv").isEqualTo(file.getFileName().toString());
        rows++;
      }
    }
    assertThat(rows).isEqualTo(120); // the three empty records are skipped
    assertThat(Files.readString(files.get("train"))).contains("amazon\tamazon sentence number");
    assertThat(cache.isCached(recipe)).isTrue();
    cache.files(recipe);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aPackageWithAnotherHashIsRefusedAndNothingIsCached() throws Exception {
    Path archive = sentimentTarball();
    DatasetCache cache = new DatasetCache(dir.resolve("cache"), serving(archive, new AtomicInteger()));
    DatasetRecipe recipe = DatasetRecipes.get("uci-sentiment");
    assertThatThrownBy(() -> cache.fetch(recipe)).isInstanceOf(IOException.class)
        .hasMessage("dataset uci-sentiment: package sentiment@5.0.2 has SHA-256 " + Hashes.sha256(archive)
            + ", expected " + recipe.sha256() + "; refusing it");
    assertThat(cache.isCached(recipe)).isFalse();
    try (var left = Files.list(dir.resolve("cache/datasets"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void unknownRecipesListTheKnownOnes() {
    assertThatThrownBy(() -> DatasetRecipes.get("imdb")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dataset 'imdb'; known: [glove-6b-100d, uci-sentiment]");
  }
}
