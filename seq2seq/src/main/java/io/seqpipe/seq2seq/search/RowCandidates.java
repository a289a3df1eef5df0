package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The best allowed next tokens of each decoder row: the {@code perRow} highest log-probabilities with
 * their ids, best first (of equal ones the lower id), {@code -inf} where fewer are allowed. Where the
 * rules are the same for every row at a step (no n-gram blocking) and the engine has top-k (PyTorch),
 * the top k and the few tokens forbidden at that step are picked on the device, so only the candidates
 * come to the host, which drops the forbidden ones; otherwise (n-gram blocking, which depends on each row's
 * history; MXNet, which has no top-k) the whole distribution comes to the host and is scanned there. Both
 * give the same candidates.
 *
 * <pre>{@code
 * RowCandidates next = RowCandidates.of(logProbs, 2 * beam, step, rules, row -> history[row]);
 * int bestOfRow0 = next.ids()[0][0];
 * }</pre>
 */
record RowCandidates(float[][] values, int[][] ids) {

  /**
   * @param logProbs {@code [rows, vocabulary]}
   * @param length the output length of every row so far (search steps rows of equal length)
   * @param history each row's output so far, for n-gram blocking; null for a row to skip (a dead beam)
   */
  static RowCandidates of(NDArray logProbs, int perRow, int length, TokenRules rules, IntFunction<int[]> history) {
    int rows = (int) logProbs.getShape().get(0);
    int vocabulary = (int) logProbs.getShape().get(1);
    return rules.sameForEveryRow() && hasTopK(logProbs)
        ? onDevice(logProbs, Math.min(perRow, vocabulary), length, rules, rows)
        : onHost(logProbs.toType(DataType.FLOAT32, false).toFloatArray(), perRow, length, rules, history, rows,
            vocabulary);
  }

  /** MXNet has no top-k. */
  private static boolean hasTopK(NDArray array) {
    return !array.getManager().getEngine().getEngineName().equals("MXNet");
  }

  /**
   * The device picks the top {@code perRow} plus the forbidden tokens of each row, unmasked (masking would
   * write another {@code [rows, vocabulary]} array at every step), and the host drops the forbidden ones.
   */
  private static RowCandidates onDevice(NDArray logProbs, int perRow, int length, TokenRules rules, int rows) {
    int vocabulary = (int) logProbs.getShape().get(1);
    int picked = Math.min(perRow + rules.forbiddenAt(length), vocabulary);
    NDList top = logProbs.topK(picked, 1, true, true);
    float[] values = top.get(0).toType(DataType.FLOAT32, false).toFloatArray();
    int[] ids = top.get(1).toType(DataType.INT32, false).toIntArray();
    float[][] rowValues = new float[rows][perRow];
    int[][] rowIds = new int[rows][perRow];
    Integer[] order = new Integer[picked];
    for (int row = 0; row < rows; row++) {
      for (int i = 0; i < picked; i++) {
        order[i] = row * picked + i;
      }
      // the device's order of equal values is unspecified: lower id first, as on the host
      Arrays.sort(order, (a, b) -> values[a] != values[b] ? Float.compare(values[b], values[a]) : Integer.compare(ids[a], ids[b]));
      Arrays.fill(rowValues[row], Float.NEGATIVE_INFINITY);
      Arrays.fill(rowIds[row], -1);
      for (int i = 0, kept = 0; i < picked && kept < perRow; i++) {
        if (rules.allowed(null, length, ids[order[i]])) {
          rowValues[row][kept] = values[order[i]];
          rowIds[row][kept++] = ids[order[i]];
        }
      }
    }
    return new RowCandidates(rowValues, rowIds);
  }

  private static RowCandidates onHost(float[] logProbs, int perRow, int length, TokenRules rules,
      IntFunction<int[]> history, int rows, int vocabulary) {
    float[][] rowValues = new float[rows][perRow];
    int[][] rowIds = new int[rows][perRow];
    for (int row = 0; row < rows; row++) {
      Arrays.fill(rowValues[row], Float.NEGATIVE_INFINITY);
      Arrays.fill(rowIds[row], -1);
      int[] tokens = history.apply(row);
      if (tokens == null) {
        continue;
      }
      TopList top = new TopList(perRow);
      for (int v = 0, offset = row * vocabulary; v < vocabulary; v++) {
        float value = logProbs[offset + v];
        if (top.accepts(value) && rules.allowed(tokens, length, v)) {
          top.offer(value, v, 0);
        }
      }
      for (int i = 0; i < top.size(); i++) {
        rowValues[row][i] = (float) top.score(i);
        rowIds[row][i] = top.first(i);
      }
    }
    return new RowCandidates(rowValues, rowIds);
  }
}
