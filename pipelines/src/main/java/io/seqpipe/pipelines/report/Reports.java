package io.seqpipe.pipelines.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seqpipe.nlp.io.Hashes;
import io.seqpipe.pipelines.run.RunReport;
import io.seqpipe.pipelines.run.RunReport.DataFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reports share: the JSON writer, and what they record of their inputs (each data file's path and
 * SHA-256).
 *
 * <pre>{@code
 * Map<String, DataFile> data = Reports.dataHashes(Map.of("train", Path.of("train.tsv")));
 * String json = Reports.JSON.writeValueAsString(report);
 * }</pre>
 */
public final class Reports {
  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** A JSON object as a map, for {@link ObjectMapper#convertValue}. */
  public static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Reports() {}

  public static Map<String, DataFile> dataHashes(Map<String, Path> files) throws IOException {
    Map<String, DataFile> out = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      out.put(file.getKey(), new DataFile(file.getValue().toString(), Hashes.sha256(file.getValue())));
    }
    return out;
  }

  /** The report's data files as table rows: role, path, SHA-256. */
  public static List<List<String>> dataRows(RunReport report) {
    List<List<String>> rows = new ArrayList<>();
    report.data().forEach((role, file) -> rows.add(List.of(role, file.path(), file.sha256())));
    return rows;
  }
}
