package io.seqpipe.models.progress;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one long task (an epoch, a translation job), shown the way the process was set up to
 * show it: a redrawn bar in a terminal, or, when standard error is a file or a pipe, one plain log line
 * at most every interval (30 s by default), so that logs stay readable. Nothing is shown when progress
 * logging is off ({@code --quiet}: the {@code io.seqpipe.models.progress} logger below INFO).
 *
 * <pre>{@code
 * Progress.configure(new Progress.Settings(Progress.Style.LINES, Duration.ofSeconds(10), System::nanoTime));
 * try (Progress progress = Progress.start("epoch 3", batches.size(), "batches")) {
 *   for (int i = 0; i < batches.size(); i++) {
 *     progress.stepTo(i + 1, "loss 0.4213");
 *   }
 * }
 * }</pre>
 */
public abstract class Progress implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  /** How progress is shown. */
  public enum Style {
    /** A bar redrawn in place with carriage returns: for a terminal. */
    BAR,
    /** Plain log lines, at most one per interval: for files, pipes and CI logs. */
    LINES
  }

  /**
   * @param interval the least time between two progress lines ({@link Style#LINES})
   * @param clock the time in nanoseconds (a fake one in tests)
   */
  public record Settings(Style style, Duration interval, LongSupplier clock) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /** A bar when standard error is a terminal, lines every 30 s otherwise. */
    public static Settings detect() {
      return new Settings(System.console() != null ? Style.BAR : Style.LINES, DEFAULT_INTERVAL, System::nanoTime);
    }
  }

  private static volatile Settings settings = Settings.detect();

  /** Sets how progress is shown from now on, for the whole process (the command line does it once). */
  public static void configure(Settings newSettings) {
    settings = newSettings;
  }

  public static Settings settings() {
    return settings;
  }

  /** Starts showing the progress of {@code task} towards {@code total} units. */
  public static Progress start(String task, long total, String unit) {
    Settings current = settings;
    if (!LOG.isInfoEnabled()) {
      return new Silent();
    }
    return current.style() == Style.BAR ? new BarProgress(task, total, unit)
        : new LineProgress(task, total, unit, current.interval().toNanos(), current.clock());
  }

  /** Records that {@code done} units are done; {@code status} is shown beside the count (loss, speed). */
  public abstract void stepTo(long done, String status);

  @Override
  public abstract void close();

  private static final class Silent extends Progress {
    @Override
    public void stepTo(long done, String status) {}

    @Override
    public void close() {}
  }
}
