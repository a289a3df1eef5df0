package io.seqpipe.nlp.data;

import java.util.Arrays;
import java.util.List;

/**
 * Sequences of ids padded to the longest one, as one row-major {@code rows x columns} array, ready to
 * become a tensor.
 *
 * <pre>{@code
 * PaddedBatch batch = PaddedBatch.of(List.of(new int[] {5, 6, 7}, new int[] {8}), Vocabulary.PAD_ID);
 * // batch.ids() = {5, 6, 7, 8, 0, 0}, batch.lengths() = {3, 1}, rows 2, columns 3
 * }</pre>
 *
 * @param ids the padded ids, row after row
 * @param lengths each row's length before padding
 * @param rows number of sequences
 * @param columns length of the longest sequence
 */
public record PaddedBatch(int[] ids, int[] lengths, int rows, int columns) {

  public static PaddedBatch of(List<int[]> sequences, int padId) {
    int rows = sequences.size();
    int columns = 0;
    for (int[] sequence : sequences) {
      columns = Math.max(columns, sequence.length);
    }
    int[] ids = new int[rows * columns];
    int[] lengths = new int[rows];
    for (int row = 0; row < rows; row++) {
      int[] sequence = sequences.get(row);
      System.arraycopy(sequence, 0, ids, row * columns, sequence.length);
      if (padId != 0) {
        Arrays.fill(ids, row * columns + sequence.length, (row + 1) * columns, padId);
      }
      lengths[row] = sequence.length;
    }
    return new PaddedBatch(ids, lengths, rows, columns);
  }

  /** Number of real (non-padding) tokens. */
  public int tokens() {
    int sum = 0;
    for (int length : lengths) {
      sum += length;
    }
    return sum;
  }
}
