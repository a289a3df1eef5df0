package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A block's parameters as a file: for each parameter its name, shape and float32 values. Loading copies
 * the values into the arrays the block already has, so a trainer that holds them (and their gradients)
 * goes on with the loaded values; a name or shape that does not match is refused.
 *
 * <pre>{@code
 * ParameterFile.write(block, out);
 * ParameterFile.read(block, in, "checkpoints/epoch-0003/parameters.bin");
 * }</pre>
 */
public final class ParameterFile {
  private static final int MAGIC = 0x53505031; // "SPP1"

  private ParameterFile() {}

  public static void write(Block block, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(block.getParameters().size());
    for (Pair<String, Parameter> entry : block.getParameters()) {
      NDArray array = entry.getValue().getArray();
      out.writeUTF(entry.getKey());
      long[] shape = array.getShape().getShape();
      out.writeInt(shape.length);
      for (long dim : shape) {
        out.writeLong(dim);
      }
      for (float value : array.toType(DataType.FLOAT32, false).toFloatArray()) {
        out.writeFloat(value);
      }
    }
    out.flush();
  }

  /**
   * @param source the file's name, for messages
   * @throws IOException naming the parameter that does not fit
   */
  public static void read(Block block, DataInputStream in, String source) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException(source + ": not a Seqpipe parameter file");
    }
    int count = in.readInt();
    if (count != block.getParameters().size()) {
      throw new IOException(source + ": holds " + count + " parameters, the model has " + block.getParameters().size());
    }
    for (Pair<String, Parameter> entry : block.getParameters()) {
      String name = in.readUTF();
      long[] shape = new long[in.readInt()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = in.readLong();
      }
      NDArray array = entry.getValue().getArray();
      if (!name.equals(entry.getKey()) || !array.getShape().equals(new Shape(shape))) {
        throw new IOException(source + ": parameter " + name + " " + Arrays.toString(shape) + " does not fit the model's "
            + entry.getKey() + " " + array.getShape());
      }
      float[] values = new float[Math.toIntExact(new Shape(shape).size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readFloat();
      }
      array.set(FloatBuffer.wrap(values));
    }
  }
}
