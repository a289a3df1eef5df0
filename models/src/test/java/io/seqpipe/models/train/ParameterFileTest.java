package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.nlp.InputFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged parameter files, through both ways a model is loaded: a model directory and a checkpoint.
 * Each case: what is done to the saved file (of {@code n} bytes), and the message after {@code FILE: }.
 */
class ParameterFileTest {
  private static final String CHECKSUM = "corrupt parameter file \\(checksum mismatch: stored [0-9a-f]{8}, computed [0-9a-f]{8}\\)";

  @TempDir Path dir;

  private static Block linear(NDManager manager, Initializer initializer) {
    Block block = Linear.builder().setUnits(3).build();
    block.setInitializer(initializer, ai.djl.nn.Parameter.Type.WEIGHT);
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    return block;
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x10;
    return copy;
  }

  /** (name, damage, message as a regular expression given the file's original length). */
  static Stream<Arguments> damages() {
    return Stream.of(
        damage("one byte cut off", b -> Arrays.copyOf(b, b.length - 1),
            n -> "truncated: expected " + n + " bytes, found " + (n - 1)),
        damage("cut in half", b -> Arrays.copyOf(b, b.length / 2),
            n -> "truncated: expected " + n + " bytes, found " + n / 2),
        damage("only the magic left", b -> Arrays.copyOf(b, 4), n -> "truncated: expected at least 16 bytes, found 4"),
        damage("empty", b -> new byte[0], n -> "truncated: expected at least 16 bytes, found 0"),
        damage("a bit flipped in a value", b -> flip(b, b.length / 2), n -> CHECKSUM),
        damage("a bit flipped in a name", b -> flip(b, 4 + 8 + 4 + 2), n -> CHECKSUM),
        damage("a bit flipped in the checksum", b -> flip(b, b.length - 1), n -> CHECKSUM),
        damage("a bit flipped in the length", b -> flip(b, 4 + 7),
            n -> "truncated: expected " + (n + 16) + " bytes, found " + n),
        damage("a byte appended", b -> Arrays.copyOf(b, b.length + 1),
            n -> "corrupt parameter file \\(expected " + n + " bytes, found " + (n + 1) + "\\)"),
        damage("another file", b -> "not parameters, but long enough".getBytes(),
            n -> "not a Seqpipe parameter file"),
        damage("written before checksums", ParameterFileTest::uncheckedFormat,
            n -> "parameter file of an older Seqpipe, without a checksum: retrain the model or use the Seqpipe that wrote it"));
  }

  private static Arguments damage(String name, Function<byte[], byte[]> damage, IntFunction<String> message) {
    return Arguments.of(name, damage, message);
  }

  /** The layout before checksums: magic SPP1, then the payload straight away. */
  private static byte[] uncheckedFormat(byte[] current) {
    ByteBuffer old = ByteBuffer.allocate(current.length - 12);
    old.putInt(0x53505031).put(current, 12, current.length - 16);
    return old.array();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedModelDirectoryFailsNamingTheFile(String name, Function<byte[], byte[]> damage,
      IntFunction<String> message) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path model = ArtifactWriter.create(dir.resolve("model")).parameters(linear(manager, new ConstantInitializer(1)))
          .commit(Map.of());
      Path file = model.resolve("parameters.bin");
      int length = damage(file, damage);
      Block fresh = linear(manager, new ConstantInitializer(7));
      assertThatThrownBy(() -> ModelArtifact.open(model).loadParameters(fresh)).isInstanceOf(InputFormatException.class)
          .hasMessageMatching(java.util.regex.Pattern.quote(file + ": ") + message.apply(length));
      assertUntouched(fresh);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedCheckpointFailsNamingTheFile(String name, Function<byte[], byte[]> damage,
      IntFunction<String> message) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Checkpoints checkpoints = new Checkpoints(dir.resolve("checkpoints"));
      Block saved = linear(manager, new ConstantInitializer(1));
      checkpoints.save(saved, AdamOptimizer.adam(LearningRateSchedule.constant(0.1f), 0f),
          new TrainingState(1, 10, 0.5, 1, 0, LearningRateSchedule.State.START, List.of()));
      Path file = checkpoints.directory().resolve("epoch-0001/parameters.bin");
      int length = damage(file, damage);
      Block fresh = linear(manager, new ConstantInitializer(7));
      assertThatThrownBy(() -> checkpoints.loadLast(fresh, AdamOptimizer.adam(LearningRateSchedule.constant(0.1f), 0f))).isInstanceOf(InputFormatException.class)
          .hasMessageMatching(java.util.regex.Pattern.quote(file + ": ") + message.apply(length));
      assertUntouched(fresh);
    }
  }

  /** Applies the damage; returns the file's length before it. */
  private static int damage(Path file, Function<byte[], byte[]> damage) throws Exception {
    byte[] saved = Files.readAllBytes(file);
    Files.write(file, damage.apply(saved));
    return saved.length;
  }

  /** Nothing of a refused file was copied into the block: its weights still hold their initial 7s. */
  private static void assertUntouched(Block block) {
    float[] weights = block.getParameters().get("weight").getArray().toFloatArray();
    assertThat(weights).containsOnly(7f);
  }

  @Test
  void anIntactFileLoadsExactly() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block saved = linear(manager, new ai.djl.training.initializer.NormalInitializer());
      Path file = dir.resolve("parameters.bin");
      ParameterFile.write(saved, file);
      Block loaded = linear(manager, new ConstantInitializer(7));
      ParameterFile.read(loaded, file);
      for (int i = 0; i < saved.getParameters().size(); i++) {
        assertThat(loaded.getParameters().get(i).getValue().getArray().toFloatArray())
            .containsExactly(saved.getParameters().get(i).getValue().getArray().toFloatArray());
      }
    }
  }
}
