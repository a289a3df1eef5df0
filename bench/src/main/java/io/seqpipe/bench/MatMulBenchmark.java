package io.seqpipe.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;

/**
 * Single-precision matrix products on an engine, at the shapes of the translation benchmark's training and search
 * (output projection forward and its two backward products, decoder cell, attention combine), as {@code
 * bench/run-matmul.sh} compares MKL's code paths and the PyTorch peer's BLAS. Prints GFLOP/s per shape, the median
 * of 5 timed rounds of about 2 s each.
 *
 * <pre>{@code
 * java io.seqpipe.bench.MatMulBenchmark SHARED PyTorch
 * }</pre>
 */
public final class MatMulBenchmark {
  /** {rows, inner, columns}: the shapes bench/peers/matmul_peer.py times too. */
  static final int[][] SHAPES = {
      {1000, 512, 7000}, {512, 1000, 7000}, {1000, 7000, 512}, {40, 768, 1536}, {40, 512, 1536}, {40, 1024, 512},
      {200, 512, 7000}};

  private MatMulBenchmark() {}

  /** Arguments: the shared folder (unused), then the engine name. */
  public static void main(String[] args) throws Exception {
    String engine = args[1].trim();
    try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
      for (int[] shape : SHAPES) {
        NDArray left = manager.randomNormal(new Shape(shape[0], shape[1]));
        NDArray right = manager.randomNormal(new Shape(shape[1], shape[2]));
        double flops = 2.0 * shape[0] * shape[1] * shape[2];
        int products = (int) Math.max(5, 1e11 / flops);
        double seconds = Measure.medianSeconds(1, 5, () -> {
          for (int i = 0; i < products; i++) {
            left.matMul(right).close();
          }
          return right;
        });
        System.out.printf(Locale.ROOT, "%s %dx%dx%d: %.1f GFLOP/s%n", engine, shape[0], shape[1], shape[2],
            flops * products / seconds / 1e9);
      }
    }
  }
}
