package io.seqpipe.pipelines.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reports share: the JSON writer, and what they record of their inputs (each data file's path and
 * SHA-256).
 *
 * <pre>{@code
 * report.put("data", Reports.dataHashes(Map.of("train", Path.of("train.tsv"))));
 * }</pre>
 */
public final class Reports {
  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  public static Map<String, Object> dataHashes(Map<String, Path> files) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      out.put(file.getKey(), Map.of("path", file.getValue().toString(), "sha256", sha256(file.getValue())));
    }
    return out;
  }

  public static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** The report's {@code data} section as table rows: role, path, SHA-256. */
  @SuppressWarnings("unchecked")
  public static List<List<String>> dataRows(Map<String, Object> report) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Object> file : ((Map<String, Object>) report.get("data")).entrySet()) {
      Map<String, Object> entry = (Map<String, Object>) file.getValue();
      rows.add(List.of(file.getKey(), String.valueOf(entry.get("path")), String.valueOf(entry.get("sha256"))));
    }
    return rows;
  }
}
