package io.seqpipe.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.models.engine.EngineChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row selection, as search uses it to repeat sentences per beam and to follow beams, on both engines. */
class RowsTest {
  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void picksRowsInTheGivenOrderWithRepeats(EngineChoice engine) {
    try (NDManager manager = NDManager.newBaseManager(engine.djlName())) {
      NDArray matrix = manager.arange(12f).reshape(4, 3);
      NDArray picked = Rows.select(matrix, new int[] {2, 2, 0, 3, 1});
      assertThat(picked.getShape()).isEqualTo(new Shape(5, 3));
      assertThat(picked.toFloatArray()).containsExactly(6, 7, 8, 6, 7, 8, 0, 1, 2, 9, 10, 11, 3, 4, 5);

      NDArray cube = manager.arange(24f).reshape(3, 2, 4);
      NDArray pickedCube = Rows.select(cube, new int[] {1, 0});
      assertThat(pickedCube.getShape()).isEqualTo(new Shape(2, 2, 4));
      assertThat(pickedCube.toFloatArray()[0]).isEqualTo(8f);
      assertThat(pickedCube.toFloatArray()[8]).isEqualTo(0f);

      NDArray mask = manager.create(new float[] {1, 1, 0, 1, 0, 0}, new Shape(2, 3));
      assertThat(Rows.select(mask, new int[] {1, 1, 0}).toFloatArray()).containsExactly(1, 0, 0, 1, 0, 0, 1, 1, 0);
      NDArray ids = manager.create(new int[] {5, 6, 7});
      assertThat(Rows.select(ids, new int[] {2, 0}).toType(DataType.INT32, false).toIntArray()).containsExactly(7, 5);
    }
  }
}
