package io.seqpipe.models.progress;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@link Progress.Style#LINES}: a log line ({@code event=progress}) when at least the interval has passed
 * since the task started or since the last line, never one for the finished task (the caller's summary
 * line says that).
 */
final class LineProgress extends Progress {
  private final String task;
  private final long total;
  private final String unit;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long started;
  private long lastLine;

  LineProgress(String task, long total, String unit, long intervalNanos, LongSupplier clock) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastLine = started;
  }

  @Override
  public void stepTo(long done, String status) {
    long now = clock.getAsLong();
    if (now - lastLine < intervalNanos || done >= total) {
      return;
    }
    lastLine = now;
    double seconds = (now - started) / 1e9;
    LOG.atInfo().addKeyValue("event", "progress").addKeyValue("task", task).addKeyValue("done", done)
        .addKeyValue("total", total).addKeyValue("unit", unit).addKeyValue("status", status)
        .addKeyValue("seconds", Math.round(seconds))
        .log(String.format(Locale.ROOT, "%s: %d/%d %s (%d%%)%s, %.0f s", task, done, total, unit,
            total == 0 ? 100 : done * 100 / total, status.isEmpty() ? "" : ", " + status, seconds));
  }

  @Override
  public void close() {}
}
