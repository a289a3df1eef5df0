package io.seqpipe.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.InputFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A block's parameters as a checksummed file. Loading copies the values into the arrays the block
 * already has, so a trainer that holds them (and their gradients) goes on with the loaded values; a name
 * or shape that does not match is refused.
 *
 * <p>Layout: the magic {@code SPP2}, the payload's length (8 bytes), the payload (the parameter count,
 * then for each parameter its name, shape and float32 values) and the payload's CRC32C (4 bytes). The
 * length and checksum are verified before anything is copied into the block, so a truncated or
 * bit-flipped file fails as one line naming it and never loads garbage:
 *
 * <pre>{@code
 * ParameterFile.write(block, Path.of("checkpoints/epoch-0003/parameters.bin"));   // atomically
 * ParameterFile.read(block, Path.of("checkpoints/epoch-0003/parameters.bin"));
 * // "checkpoints/epoch-0003/parameters.bin: truncated: expected 1060 bytes, found 512"
 * // "checkpoints/epoch-0003/parameters.bin: corrupt parameter file (checksum mismatch: stored 8c1f03aa, computed 0b9e2c71)"
 * }</pre>
 */
public final class ParameterFile {
  private static final int MAGIC = 0x53505032; // "SPP2"
  private static final int UNCHECKED_MAGIC = 0x53505031; // "SPP1", written before parameter files had a checksum
  private static final int HEADER_BYTES = 4 + 8;
  private static final int TRAILER_BYTES = 4;

  private ParameterFile() {}

  /** Writes {@code block}'s parameters to {@code file} atomically ({@link AtomicFiles}). */
  public static void write(Block block, Path file) throws IOException {
    write(arrays(block), file);
  }

  /** Writes named arrays (an optimizer's moments, say) to {@code file} atomically, in the same format. */
  public static void write(List<Pair<String, NDArray>> arrays, Path file) throws IOException {
    AtomicFiles.write(file, out -> write(arrays, out));
  }

  private static List<Pair<String, NDArray>> arrays(Block block) {
    List<Pair<String, NDArray>> arrays = new ArrayList<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      arrays.add(new Pair<>(entry.getKey(), entry.getValue().getArray()));
    }
    return arrays;
  }

  private static void write(List<Pair<String, NDArray>> arrays, OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(target);
    out.writeInt(MAGIC);
    out.writeLong(payloadBytes(arrays));
    CRC32C checksum = new CRC32C();
    DataOutputStream payload = new DataOutputStream(new CheckedOutputStream(target, checksum));
    payload.writeInt(arrays.size());
    for (Pair<String, NDArray> entry : arrays) {
      NDArray array = entry.getValue();
      payload.writeUTF(entry.getKey());
      long[] shape = array.getShape().getShape();
      payload.writeInt(shape.length);
      for (long dim : shape) {
        payload.writeLong(dim);
      }
      for (float value : array.toType(DataType.FLOAT32, false).toFloatArray()) {
        payload.writeFloat(value);
      }
    }
    out.writeInt((int) checksum.getValue());
    out.flush();
  }

  private static long payloadBytes(List<Pair<String, NDArray>> arrays) throws IOException {
    long bytes = 4;
    for (Pair<String, NDArray> entry : arrays) {
      ByteArrayOutputStream name = new ByteArrayOutputStream();
      new DataOutputStream(name).writeUTF(entry.getKey());
      Shape shape = entry.getValue().getShape();
      bytes += name.size() + 4 + 8L * shape.dimension() + 4 * shape.size();
    }
    return bytes;
  }

  /**
   * Loads {@code file} into {@code block}'s parameters once its length and checksum are verified.
   *
   * @throws InputFormatException naming the file when it is truncated, corrupt or no parameter file
   * @throws IOException naming the parameter that does not fit the block
   */
  public static void read(Block block, Path file) throws IOException {
    read(arrays(block), file);
  }

  /** Loads {@code file} into named arrays of the same names and shapes, verified as {@link #read(Block, Path)}. */
  public static void read(List<Pair<String, NDArray>> arrays, Path file) throws IOException {
    verify(file);
    try (DataInputStream in = open(file)) {
      in.skipNBytes(HEADER_BYTES);
      copyInto(arrays, in, file);
    }
  }

  /** Checks magic, length and checksum, reading the file once. */
  private static void verify(Path file) throws IOException {
    long found = Files.size(file);
    if (found < HEADER_BYTES + TRAILER_BYTES) {
      throw new InputFormatException(file, "truncated: expected at least " + (HEADER_BYTES + TRAILER_BYTES)
          + " bytes, found " + found);
    }
    try (DataInputStream in = open(file)) {
      int magic = in.readInt();
      if (magic == UNCHECKED_MAGIC) {
        throw new InputFormatException(file, "parameter file of an older Seqpipe, without a checksum: "
            + "retrain the model or use the Seqpipe that wrote it");
      }
      if (magic != MAGIC) {
        throw new InputFormatException(file, "not a Seqpipe parameter file");
      }
      long payload = in.readLong();
      if (payload < 0 || payload > Long.MAX_VALUE - HEADER_BYTES - TRAILER_BYTES) {
        throw new InputFormatException(file, "corrupt parameter file (its header gives a payload of "
            + payload + " bytes)");
      }
      long expected = HEADER_BYTES + payload + TRAILER_BYTES;
      if (found < expected) {
        throw new InputFormatException(file, "truncated: expected " + expected + " bytes, found " + found);
      }
      if (found > expected) {
        throw new InputFormatException(file, "corrupt parameter file (expected " + expected + " bytes, found "
            + found + ")");
      }
      CRC32C checksum = new CRC32C();
      new CheckedInputStream(in, checksum).skipNBytes(payload);
      int stored = in.readInt();
      int computed = (int) checksum.getValue();
      if (stored != computed) {
        throw new InputFormatException(file, String.format("corrupt parameter file (checksum mismatch: stored %08x,"
            + " computed %08x)", stored, computed));
      }
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(InputFiles.open(file), 1 << 16));
  }

  private static void copyInto(List<Pair<String, NDArray>> arrays, DataInputStream in, Path file) throws IOException {
    int count = in.readInt();
    if (count != arrays.size()) {
      throw new IOException(file + ": holds " + count + " arrays, the model has " + arrays.size());
    }
    for (Pair<String, NDArray> entry : arrays) {
      String name = in.readUTF();
      long[] shape = new long[in.readInt()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = in.readLong();
      }
      NDArray array = entry.getValue();
      if (!name.equals(entry.getKey()) || !array.getShape().equals(new Shape(shape))) {
        throw new IOException(file + ": parameter " + name + " " + Arrays.toString(shape) + " does not fit the model's "
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
