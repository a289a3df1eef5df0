package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The elementwise mean of saved parameters: checkpoint averaging at the end of training ({@code train {
 * average_last N }}) and {@code seqpipe average} over finished models both come here. Each file is read
 * into the block as {@link ParameterFile} reads it (length, checksum, names and shapes verified), summed
 * on the host in double precision and the mean, rounded once to float32, left in the block's arrays;
 * nothing depends on the engine.
 *
 * <pre>{@code
 * ParameterAverage.load(block, List.of(Path.of("checkpoints/epoch-0009/parameters.bin"),
 *     Path.of("checkpoints/epoch-0010/parameters.bin")));
 * }</pre>
 */
public final class ParameterAverage {
  private ParameterAverage() {}

  /**
   * Loads the mean of {@code files}' parameters into {@code block}.
   *
   * @throws io.seqpipe.nlp.InputFormatException naming a file that is truncated or corrupt
   * @throws IOException naming a file whose parameters do not fit the block
   * @throws IllegalArgumentException when no file is given
   */
  public static void load(Block block, List<Path> files) throws IOException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("nothing to average: no parameter files given");
    }
    if (files.size() == 1) {
      ParameterFile.read(block, files.get(0));
      return;
    }
    List<NDArray> arrays = new ArrayList<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      arrays.add(entry.getValue().getArray());
    }
    double[][] sums = new double[arrays.size()][];
    for (Path file : files) {
      ParameterFile.read(block, file);
      for (int i = 0; i < arrays.size(); i++) {
        float[] values = arrays.get(i).toType(DataType.FLOAT32, false).toFloatArray();
        if (sums[i] == null) {
          sums[i] = new double[values.length];
        }
        for (int v = 0; v < values.length; v++) {
          sums[i][v] += values[v];
        }
      }
    }
    for (int i = 0; i < arrays.size(); i++) {
      float[] mean = new float[sums[i].length];
      for (int v = 0; v < mean.length; v++) {
        mean[v] = (float) (sums[i][v] / files.size());
      }
      arrays.get(i).set(FloatBuffer.wrap(mean));
    }
  }
}
