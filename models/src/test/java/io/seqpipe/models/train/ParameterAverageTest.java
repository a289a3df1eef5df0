package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import io.seqpipe.models.engine.EngineChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Averaging saved parameters: the elementwise mean, checked value by value, on both engines. */
class ParameterAverageTest {
  @TempDir Path dir;

  private static Block linear(Model model, int units, int seed) {
    model.getNDManager().getEngine().setRandomSeed(seed);
    Block block = Linear.builder().setUnits(units).build();
    block.setInitializer(new NormalInitializer(1f), ai.djl.nn.Parameter.Type.WEIGHT);
    block.setInitializer(new NormalInitializer(1f), ai.djl.nn.Parameter.Type.BIAS);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 5));
    return block;
  }

  private static List<float[]> values(Block block) {
    List<float[]> values = new ArrayList<>();
    block.getParameters().values().forEach(p -> values.add(p.getArray().toFloatArray()));
    return values;
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void twoCheckpointsAverageToTheirElementwiseMean(EngineChoice engine) throws Exception {
    try (Model model = Model.newInstance("average", engine.djlName())) {
      Block first = linear(model, 3, 1);
      Block second = linear(model, 3, 2);
      Path a = dir.resolve("a.bin");
      Path b = dir.resolve("b.bin");
      ParameterFile.write(first, a);
      ParameterFile.write(second, b);
      List<float[]> x = values(first);
      List<float[]> y = values(second);
      assertThat(x.get(0)).as("two different checkpoints").isNotEqualTo(y.get(0));

      Block averaged = linear(model, 3, 3);
      ParameterAverage.load(averaged, List.of(a, b));

      List<float[]> mean = values(averaged);
      for (int p = 0; p < x.size(); p++) {
        assertThat(mean.get(p)).hasSize(x.get(p).length);
        for (int i = 0; i < x.get(p).length; i++) {
          assertThat(mean.get(p)[i]).as("parameter %d, value %d", p, i)
              .isEqualTo((float) (((double) x.get(p)[i] + y.get(p)[i]) / 2));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void parametersOfAnotherShapeAreRefusedNamingTheFile(EngineChoice engine) throws Exception {
    try (Model model = Model.newInstance("average", engine.djlName())) {
      Path narrow = dir.resolve("narrow.bin");
      Path wide = dir.resolve("wide.bin");
      ParameterFile.write(linear(model, 3, 1), narrow);
      ParameterFile.write(linear(model, 4, 1), wide);
      assertThatThrownBy(() -> ParameterAverage.load(linear(model, 3, 1), List.of(narrow, wide)))
          .hasMessageStartingWith(wide + ": parameter ").hasMessageContaining("does not fit the model's");
      assertThat(Files.exists(wide)).isTrue();
    }
  }
}
