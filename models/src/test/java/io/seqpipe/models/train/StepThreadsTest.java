package io.seqpipe.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TextClassifier;
import io.seqpipe.models.nn.TokenEmbedding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A training step of a small model runs on one engine thread, of a model with a large weight matrix on all. */
class StepThreadsTest {

  private static StepThreads choose(EngineChoice engine, Block block, Shape... inputs) {
    try (Model model = Model.newInstance("threads", engine.djlName())) {
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, inputs);
      return StepThreads.of(model);
    }
  }

  /**
   * Both engines follow the choice: PyTorch always, MXNet under its synchronous engine, which the launcher and
   * this test suite select ({@code MXNET_ENGINE_TYPE=NaiveEngine}).
   */
  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aSmallClassifierTrainsOnOneOfTheEngineThreadsAndTheCallerGetsThemBack(EngineChoice engine) {
    assertThat(engine.setsOperationThreadsPerThread()).isTrue();
    engine.engine();
    int before = engine.operationThreads();
    engine.setOperationThreads(2);
    try {
      // a large embedding table (50,000 x 64) is looked up, not multiplied: it does not count
      TextClassifier classifier = new TextClassifier(TokenEmbedding.learned(50_000, 64),
          new RecurrentEncoder(CellType.LSTM, 32, 1, true, 0.0, false), "attention", 0.0, 2);
      StepThreads threads = choose(engine, classifier, new Shape(4, 6), new Shape(4));
      assertThat(threads.available()).isEqualTo(2);
      assertThat(threads.largestWeights()).as("the LSTM's weight matrices, no more")
          .isGreaterThan(0).isLessThan(StepThreads.LARGE_MATRIX);
      assertThat(threads.chosen()).isEqualTo(1);
      try (StepThreads.Scope scope = threads.apply()) {
        assertThat(engine.operationThreads()).isEqualTo(1);
      }
      assertThat(engine.operationThreads()).isEqualTo(2);
    } finally {
      engine.setOperationThreads(before);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aMillionWeightMatrixTrainsOnAllOfThem(EngineChoice engine) {
    engine.engine();
    int before = engine.operationThreads();
    engine.setOperationThreads(2);
    try {
      Block block = new SequentialBlock().add(Linear.builder().setUnits(16).build())
          .add(Linear.builder().setUnits(1 << 16).build());
      StepThreads threads = choose(engine, block, new Shape(1, 8));
      assertThat(threads.largestWeights()).isEqualTo(16L << 16);
      assertThat(threads.chosen()).isEqualTo(2);
    } finally {
      engine.setOperationThreads(before);
    }
  }
}
