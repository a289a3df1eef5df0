package io.seqpipe.pipelines.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.progress.Progress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Log lines and progress as a person or a program reads them from a file: no redrawing, JSON that parses. */
class LogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SECOND = 1_000_000_000L;

  @AfterEach
  void defaults() {
    Logs.configure(Logs.Settings.DEFAULT);
    Progress.configure(Progress.Settings.detect());
  }

  /** 100 steps a fake second apart, with a 30 s interval. */
  private static String hundredSeconds(Logs.Format format) throws Exception {
    AtomicLong clock = new AtomicLong();
    Logs.configure(new Logs.Settings(Level.INFO, format));
    Progress.configure(new Progress.Settings(Progress.Style.LINES, Duration.ofSeconds(30), clock::get));
    return StandardError.capture(() -> {
      try (Progress progress = Progress.start("epoch 1", 100, "batches")) {
        for (int step = 1; step <= 100; step++) {
          clock.addAndGet(SECOND);
          progress.stepTo(step, "loss 0.5000");
        }
      }
      return null;
    });
  }

  @Test
  void withoutATerminalProgressIsOnePlainLinePerInterval() throws Exception {
    String err = hundredSeconds(Logs.Format.TEXT);
    assertThat(err).doesNotContain("\r");
    assertThat(err.lines().toList()).containsExactly(
        "[INFO] epoch 1: 30/100 batches (30%), loss 0.5000, 30 s",
        "[INFO] epoch 1: 60/100 batches (60%), loss 0.5000, 60 s",
        "[INFO] epoch 1: 90/100 batches (90%), loss 0.5000, 90 s");
  }

  @Test
  void progressLinesInJsonCarryTheCounts() throws Exception {
    List<String> lines = hundredSeconds(Logs.Format.JSON).lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("event").asText()).isEqualTo("progress");
    assertThat(first.get("done").asLong()).isEqualTo(30);
    assertThat(first.get("total").asLong()).isEqualTo(100);
    assertThat(first.get("status").asText()).isEqualTo("loss 0.5000");
  }

  @Test
  void librariesMadeQuietWriteWarningsAndErrorsOnly() {
    Logs.warningsOnly("org.example.noisy");
    assertThat(Logs.enabled("org.example.noisy.Scheduler", Level.INFO)).isFalse();
    assertThat(Logs.enabled("org.example.noisy.Scheduler", Level.WARN)).isTrue();
    assertThat(Logs.enabled("org.example.other.Job", Level.INFO)).isTrue();
    assertThat(Logs.enabled("ai.djl.engine.Engine", Level.INFO)).isFalse();
  }

  @Test
  void quietShowsNoProgressAndNoInformation() throws Exception {
    Logs.configure(new Logs.Settings(Level.ERROR, Logs.Format.TEXT));
    String err = StandardError.capture(() -> {
      try (Progress progress = Progress.start("epoch 1", 10, "batches")) {
        progress.stepTo(5, "");
      }
      LoggerFactory.getLogger("test").info("hidden");
      LoggerFactory.getLogger("test").warn("hidden too");
      LoggerFactory.getLogger("test").error("shown");
      return null;
    });
    assertThat(err).isEqualTo("[ERROR] shown" + System.lineSeparator());
  }

  @Test
  void jsonEventsAreOneObjectALineWithTheirKeyValues() throws Exception {
    Logs.configure(new Logs.Settings(Level.INFO, Logs.Format.JSON));
    String err = StandardError.capture(() -> {
      LoggerFactory.getLogger("test").atInfo().addKeyValue("event", "evaluation").addKeyValue("bleu", 27.5)
          .log("dev BLEU {}", 27.5);
      LoggerFactory.getLogger("test").warn("a warning\nover two lines");
      LoggerFactory.getLogger("ai.djl.Model").info("DJL's information is not shown");
      return null;
    });
    List<String> lines = err.lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode evaluation = JSON.readTree(lines.get(0));
    assertThat(evaluation.get("event").asText()).isEqualTo("evaluation");
    assertThat(evaluation.get("level").asText()).isEqualTo("info");
    assertThat(evaluation.get("message").asText()).isEqualTo("dev BLEU 27.5");
    assertThat(evaluation.get("bleu").asDouble()).isEqualTo(27.5);
    JsonNode warning = JSON.readTree(lines.get(1));
    assertThat(warning.get("level").asText()).isEqualTo("warn");
    assertThat(warning.get("event").asText()).isEqualTo("log");
    assertThat(warning.get("message").asText()).isEqualTo("a warning\nover two lines");
  }
}
