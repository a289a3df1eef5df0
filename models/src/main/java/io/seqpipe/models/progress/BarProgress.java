package io.seqpipe.models.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** {@link Progress.Style#BAR}: a progress bar on standard error, redrawn every second. */
final class BarProgress extends Progress {
  private final ProgressBar bar;

  BarProgress(String task, long total, String unit) {
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1).showSpeed()
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate().build();
  }

  @Override
  public void stepTo(long done, String status) {
    bar.stepTo(done);
    bar.setExtraMessage(status.isEmpty() ? "" : " " + status);
  }

  @Override
  public void close() {
    bar.close();
  }
}
