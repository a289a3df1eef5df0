package io.seqpipe.spark;

import org.apache.spark.Partitioner;

/**
 * Cuts lines numbered {@code 0..lines-1} into {@code partitions} ranges of consecutive whole windows (lines
 * {@code k*window} to {@code (k+1)*window-1}, the windows {@code seqpipe translate} reads), of equal size to
 * within one window, so that partition order is input order and every window is computed as the
 * single-process command computes it, batches and all.
 *
 * <pre>{@code
 * indexed.repartitionAndSortWithinPartitions(new LinePartitioner(8, total, 2000));
 * }</pre>
 */
final class LinePartitioner extends Partitioner {
  private final int partitions;
  private final long windows;
  private final int window;

  LinePartitioner(int partitions, long lines, int window) {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
    }
    this.partitions = partitions;
    this.window = window;
    this.windows = (lines + window - 1) / window;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long windowIndex = (Long) key / window;
    return (int) Math.min(partitions - 1, (long) ((double) windowIndex * partitions / windows));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinePartitioner that && that.partitions == partitions && that.windows == windows
        && that.window == window;
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(windows) * 31 + window) * 31 + partitions;
  }
}
