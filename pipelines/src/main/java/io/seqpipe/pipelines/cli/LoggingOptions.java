package io.seqpipe.pipelines.cli;

import io.seqpipe.models.progress.Progress;
import io.seqpipe.pipelines.logging.Logs;
import java.time.Duration;
import org.slf4j.event.Level;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options every command takes for what it writes to standard error, applied once before the command
 * runs: {@code --quiet}, {@code --log-format text|json}, {@code --progress auto|bar|lines} and {@code
 * --progress-interval SECONDS} (or {@code SEQPIPE_PROGRESS_INTERVAL}).
 *
 * <pre>{@code
 * seqpipe run examples/sentiment.pipe --log-format json 2> run.jsonl
 * seqpipe run examples/sentiment.pipe --progress lines --progress-interval 5 2> run.log
 * }</pre>
 */
final class LoggingOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Write errors and the final result only.")
  boolean quiet;

  @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text", scope = ScopeType.INHERIT,
      description = "How events are written to standard error: text lines, or one JSON object a line (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--progress", paramLabel = "auto|bar|lines", defaultValue = "auto", scope = ScopeType.INHERIT,
      description = "A redrawn progress bar, or plain progress lines; auto: a bar when standard error is a terminal (default: ${DEFAULT-VALUE}).")
  String progress;

  @Option(names = "--progress-interval", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
      defaultValue = "${env:SEQPIPE_PROGRESS_INTERVAL:-30}",
      description = "The least time between two progress lines (default: ${DEFAULT-VALUE}; env SEQPIPE_PROGRESS_INTERVAL).")
  double intervalSeconds;

  /** Sets up logging and progress for the whole process as the options say. */
  void apply() {
    Logs.Format logFormat = switch (format) {
      case "text" -> Logs.Format.TEXT;
      case "json" -> Logs.Format.JSON;
      default -> throw bad("--log-format takes text or json, not '" + format + "'");
    };
    if (!(intervalSeconds >= 0)) {
      throw bad("--progress-interval takes a number of seconds >= 0, not " + intervalSeconds);
    }
    Progress.Style style = switch (progress) {
      case "auto" -> logFormat == Logs.Format.JSON ? Progress.Style.LINES : Progress.Settings.detect().style();
      case "bar" -> Progress.Style.BAR;
      case "lines" -> Progress.Style.LINES;
      default -> throw bad("--progress takes auto, bar or lines, not '" + progress + "'");
    };
    Logs.configure(new Logs.Settings(quiet ? Level.ERROR : Level.INFO, logFormat));
    Progress.configure(new Progress.Settings(style, Duration.ofMillis(Math.round(intervalSeconds * 1000)), System::nanoTime));
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
