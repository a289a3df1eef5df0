package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.progress.Progress;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.logging.Logs;
import io.seqpipe.pipelines.logging.StandardError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** The global logging options, on either side of the command's name, and a whole run logged as JSON. */
class LoggingOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @AfterEach
  void defaults() {
    Logs.configure(Logs.Settings.DEFAULT);
    Progress.configure(Progress.Settings.detect());
  }

  @Test
  void optionsApplyBeforeOrAfterTheCommand() throws Exception {
    Path pipeline = ToyData.write(dir);
    CommandRun after = CommandRun.of("validate", pipeline.toString(), "--quiet", "--progress", "lines",
        "--progress-interval", "5");
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(Logs.settings().threshold()).isEqualTo(Level.ERROR);
    assertThat(Progress.settings().style()).isEqualTo(Progress.Style.LINES);
    assertThat(Progress.settings().interval().toSeconds()).isEqualTo(5);

    CommandRun before = CommandRun.of("--log-format", "json", "validate", pipeline.toString());
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(Logs.settings()).isEqualTo(new Logs.Settings(Level.INFO, Logs.Format.JSON));
    assertThat(Progress.settings().style()).isEqualTo(Progress.Style.LINES);
  }

  @Test
  void badValuesAreUsageErrors() {
    CommandRun run = CommandRun.of("--log-format", "xml", "data", "list");
    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(run.err()).isEqualTo("seqpipe: --log-format takes text or json, not 'xml' (see 'seqpipe --help')\n");
  }

  @Test
  void errorsAreJsonToo() throws Exception {
    CommandRun run = CommandRun.of("--log-format", "json", "validate", dir.resolve("missing.pipe").toString());
    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    JsonNode error = JSON.readTree(run.err());
    assertThat(error.get("event").asText()).isEqualTo("error");
    assertThat(error.get("message").asText()).contains("missing.pipe");
  }

  @Test
  void aRunLoggedAsJsonIsOneObjectPerLine() throws Exception {
    Path pipeline = ToyData.write(dir);
    List<CommandRun> runs = new ArrayList<>();
    String err = StandardError.capture(() -> runs.add(CommandRun.of("--log-format", "json", "run", pipeline.toString(),
        "--set", "train.epochs=2", "--out", dir.resolve("run").toString())));
    assertThat(runs.get(0).exitCode()).as(runs.get(0).err()).isZero();
    assertThat(err).doesNotContain("\r");
    List<String> events = new ArrayList<>();
    for (String line : err.lines().toList()) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.isObject()).as(line).isTrue();
      assertThat(event.has("time") && event.has("level") && event.has("message")).as(line).isTrue();
      events.add(event.get("event").asText());
    }
    assertThat(events).containsSubsequence("epoch", "checkpoint", "epoch", "checkpoint", "evaluation");
    assertThat(events.stream().filter("epoch"::equals)).hasSize(2);
  }
}
