package io.seqpipe.pipelines.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.Hashes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code uci-sentiment}: the UCI Sentiment Labelled Sentences (Kotzias et al., 2015; 3,000 review
 * sentences from Amazon, IMDb and Yelp, half positive), as the npm package {@code sentiment} 5.0.2
 * ships them in {@code test/fixtures/{amazon,imdb,yelp}.json}. Written as TSV ({@code label domain
 * text}, with a header) and split 80/10/10 into train, dev and test by a hash of each sentence, so the
 * split is the same on every machine. The empty records at the files' ends are skipped.
 */
final class UciSentimentRecipe implements DatasetRecipe {
  private static final List<String> DOMAINS = List.of("amazon", "imdb", "yelp");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "uci-sentiment";
  }

  @Override
  public Kind kind() {
    return Kind.LABELLED_TEXT;
  }

  @Override
  public String description() {
    return "UCI Sentiment Labelled Sentences: Amazon/IMDb/Yelp review sentences, positive/negative (npm sentiment 5.0.2)";
  }

  @Override
  public String size() {
    return "3,000 sentences; 0.1 MB download, 0.2 MB converted";
  }

  @Override
  public String license() {
    return "MIT (package); data credited to UCI";
  }

  @Override
  public String packageName() {
    return "sentiment";
  }

  @Override
  public String packageVersion() {
    return "5.0.2";
  }

  @Override
  public String sha256() {
    return "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f";
  }

  @Override
  public Map<String, String> files() {
    return Map.of("train", "train.tsv", "dev", "dev.tsv", "test", "test.tsv");
  }

  @Override
  public void convert(Path archive, Path directory) throws IOException {
    Map<String, StringBuilder> splits = new LinkedHashMap<>();
    for (String split : List.of("train", "dev", "test")) {
      splits.put(split, new StringBuilder("label\tdomain\ttext\n"));
    }
    int found = 0;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String domain = domainOf(entry.getName());
        if (domain == null) {
          continue;
        }
        found++;
        JsonNode sentences = JSON.readTree(tar.readAllBytes());
        for (JsonNode sentence : sentences) {
          JsonNode text = sentence.get("text");
          JsonNode polarity = sentence.get("class");
          if (text != null && text.asText().isBlank() && (polarity == null || polarity.isNull())) {
            continue; // the package's files end with one empty record
          }
          if (text == null || polarity == null || !polarity.canConvertToInt()) {
            throw new InputFormatException(archive, entry.getName() + ": expected {\"text\": ..., \"class\": 0|1}, found "
                + sentence);
          }
          String clean = text.asText().replaceAll("[\\t\\r\\n]+", " ").strip();
          splits.get(splitOf(clean)).append(polarity.asInt() == 1 ? "positive" : "negative").append('\t')
              .append(domain).append('\t').append(clean).append('\n');
        }
      }
    }
    if (found != DOMAINS.size()) {
      throw new InputFormatException(archive, "expected test/fixtures/{amazon,imdb,yelp}.json, found " + found + " of them");
    }
    for (Map.Entry<String, StringBuilder> split : splits.entrySet()) {
      AtomicFiles.writeString(directory.resolve(split.getKey() + ".tsv"), split.getValue().toString());
    }
  }

  private static String domainOf(String entryName) {
    for (String domain : DOMAINS) {
      if (entryName.equals("package/test/fixtures/" + domain + ".json")) {
        return domain;
      }
    }
    return null;
  }

  /** test for hash bucket 0, dev for 1, train for 2-9 (of 10), by the SHA-256 of the sentence. */
  static String splitOf(String sentence) {
    byte[] hash = Hashes.newSha256().digest(sentence.getBytes(StandardCharsets.UTF_8));
    int bucket = Integer.remainderUnsigned(((hash[0] & 0xff) << 8) | (hash[1] & 0xff), 10);
    return bucket == 0 ? "test" : bucket == 1 ? "dev" : "train";
  }
}
