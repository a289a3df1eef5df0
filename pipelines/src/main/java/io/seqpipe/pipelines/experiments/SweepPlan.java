package io.seqpipe.pipelines.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.report.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a sweep will run, kept in {@code DIR/sweep.json}: the pipeline file, the overrides every trial
 * shares, whether it halves, and each trial's name and parameters. A sweep started again in the same
 * directory must have the same plan, so that its finished trials can be kept.
 *
 * <pre>{@code
 * SweepPlan plan = new SweepPlan("examples/sentiment.pipe", List.of(), false,
 *     List.of(new SweepPlan.Trial("001", Map.of("encoder.hidden", "64"))));
 * plan.claim(Path.of("runs/sweep"));   // writes sweep.json, or refuses another plan's directory
 * }</pre>
 *
 * @param pipeline the pipeline file as given
 * @param overrides the {@code --set} overrides of every trial, before its own parameters
 */
public record SweepPlan(String pipeline, List<String> overrides, boolean halving, List<Trial> trials) {
  /** The file that holds the plan. */
  public static final String FILE = "sweep.json";

  /** One trial: its directory name under {@code trials/} and its parameters, key to value. */
  public record Trial(String name, Map<String, String> parameters) {}

  /** Trials named {@code 001}, {@code 002}, ... in order. */
  public static SweepPlan of(String pipeline, List<String> overrides, boolean halving,
      List<Map<String, String>> parameters) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      trials.add(new Trial(String.format("%03d", i + 1), parameters.get(i)));
    }
    return new SweepPlan(pipeline, List.copyOf(overrides), halving, trials);
  }

  /**
   * Writes {@code dir/sweep.json}, or checks that the one there is this plan.
   *
   * @throws IllegalArgumentException when {@code dir} holds another sweep or anything but a sweep
   */
  public void claim(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    JsonNode mine = Reports.JSON.valueToTree(this);
    if (Files.isRegularFile(file)) {
      if (!Reports.JSON.readTree(file.toFile()).equals(mine)) {
        throw new IllegalArgumentException(dir + ": holds a sweep with another plan (" + FILE
            + "); start it again with the same arguments, or choose another --out");
      }
      return;
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + ": not empty and not a sweep (no " + FILE
              + "); choose a new or empty directory for --out");
        }
      }
    }
    Files.createDirectories(dir);
    AtomicFiles.writeString(file, Reports.JSON.writeValueAsString(this));
  }
}
