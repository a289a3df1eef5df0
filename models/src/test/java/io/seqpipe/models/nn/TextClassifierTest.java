package io.seqpipe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.vocab.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classifier learns a toy task on both engines: gradients flow through every block. */
class TextClassifierTest {
  private static final int VOCABULARY = 20;
  private static final int BATCH = 32;
  private static final int TIME = 8;

  /** Label 1 when token 5 occurs among the real tokens; padding may hold anything. */
  private record Batch(int[] ids, int[] lengths, float[] oneHot, int[] labels) {
    static Batch random(Random random) {
      int[] ids = new int[BATCH * TIME];
      int[] lengths = new int[BATCH];
      float[] oneHot = new float[BATCH * 2];
      int[] labels = new int[BATCH];
      for (int b = 0; b < BATCH; b++) {
        lengths[b] = 3 + random.nextInt(TIME - 2);
        boolean positive = random.nextBoolean();
        for (int t = 0; t < TIME; t++) {
          int token = 6 + random.nextInt(VOCABULARY - 6);
          ids[b * TIME + t] = t < lengths[b] ? token : (t % 2 == 0 ? 5 : 0);
        }
        if (positive) {
          ids[b * TIME + random.nextInt(lengths[b])] = 5;
        }
        labels[b] = positive ? 1 : 0;
        oneHot[b * 2 + labels[b]] = 1f;
      }
      return new Batch(ids, lengths, oneHot, labels);
    }
  }

  @ParameterizedTest(name = "{0}, {1} pooling")
  @CsvSource({"MXNET, attention", "MXNET, max", "PYTORCH, attention", "PYTORCH, last"})
  void learnsAToyTask(EngineChoice engine, String pooling) {
    TextClassifier classifier = new TextClassifier(TokenEmbedding.learned(VOCABULARY, 16),
        new RecurrentEncoder(CellType.LSTM, 16, 1, true, 0.0, false), pooling, 0.0, 2);
    try (Model model = Model.newInstance("toy", engine.djlName())) {
      model.getNDManager().getEngine().setRandomSeed(1);
      model.setBlock(classifier);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(BATCH, TIME), new Shape(BATCH));
        Random random = new Random(4);
        float first = 0;
        float last = 0;
        for (int step = 0; step < 80; step++) {
          Batch batch = Batch.random(random);
          try (NDManager manager = trainer.getManager().newSubManager();
              GradientCollector collector = trainer.newGradientCollector()) {
            NDList inputs = new NDList(manager.create(batch.ids(), new Shape(BATCH, TIME)), manager.create(batch.lengths()));
            NDArray logits = trainer.forward(inputs).head();
            NDArray target = manager.create(batch.oneHot(), new Shape(BATCH, 2));
            NDArray loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
            collector.backward(loss);
            float value = loss.getFloat();
            first = step == 0 ? value : first;
            last = value;
          }
          trainer.step();
        }
        Batch test = Batch.random(new Random(99));
        try (NDManager manager = trainer.getManager().newSubManager()) {
          NDList inputs = new NDList(manager.create(test.ids(), new Shape(BATCH, TIME)), manager.create(test.lengths()));
          int[] predicted = trainer.evaluate(inputs).head().argMax(1).toType(DataType.INT32, false).toIntArray();
          int correct = 0;
          for (int b = 0; b < BATCH; b++) {
            correct += predicted[b] == test.labels()[b] ? 1 : 0;
          }
          assertThat(last).isLessThan(first * 0.3f);
          assertThat(correct).isGreaterThanOrEqualTo(29);
        }
      }
    }
  }

  /** A sentence gets the same logits and attention alone (no padding, no mask) as beside a longer one. */
  @ParameterizedTest(name = "{0}, {1} pooling")
  @CsvSource({"MXNET, attention", "MXNET, max", "PYTORCH, attention", "PYTORCH, mean"})
  void aSentenceScoresTheSameAloneAndInAPaddedBatch(EngineChoice engine, String pooling) {
    try (NDManager manager = engine.engine().newBaseManager()) {
      manager.getEngine().setRandomSeed(2);
      TextClassifier classifier = new TextClassifier(TokenEmbedding.learned(VOCABULARY, 8),
          new RecurrentEncoder(CellType.GRU, 8, 1, true, 0.0, false), pooling, 0.0, 3);
      classifier.initialize(manager, DataType.FLOAT32, new Shape(2, 5), new Shape(2));
      ParameterStore store = new ParameterStore(manager, false);
      NDList alone = classifier.forward(store,
          new NDList(manager.create(new int[] {7, 8, 9}, new Shape(1, 3)), manager.create(new int[] {3})), false);
      NDList batched = classifier.forward(store, new NDList(
          manager.create(new int[] {7, 8, 9, 5, 5, 10, 11, 12, 13, 14}, new Shape(2, 5)), manager.create(new int[] {3, 5})),
          false);
      assertThat(batched.get(0).get(0).toFloatArray()).containsExactly(alone.get(0).get(0).toFloatArray(), within(1e-5f));
      assertThat(alone.get(0).get(0).toFloatArray()).isNotEqualTo(batched.get(0).get(1).toFloatArray());
      if (pooling.equals("attention")) {
        float[] weights = batched.get(1).get(0).toFloatArray();
        assertThat(Arrays.copyOf(weights, 3)).containsExactly(alone.get(1).get(0).toFloatArray(), within(1e-5f));
        assertThat(weights[3] + weights[4]).isZero();
      }
    }
  }

  @Test
  void pretrainedRowsOovRowsAndPadding(@TempDir Path dir) throws Exception {
    Path vectors = Files.writeString(dir.resolve("v.txt"), "paris 1 2 3\nthe 4 5 6\n");
    Vocabulary vocab = Vocabulary.builder().addAll(List.of("Paris", "the", "zebra")).build();
    PretrainedMatrix matrix = PretrainedMatrix.of(vocab, EmbeddingReader.read(vectors, EmbeddingFormat.GLOVE, vocab), 1);
    assertThat(matrix.rows()).isEqualTo(vocab.size());
    assertThat(slice(matrix, Vocabulary.PAD_ID)).containsExactly(0, 0, 0);
    assertThat(slice(matrix, vocab.id("Paris"))).containsExactly(1, 2, 3);
    assertThat(slice(matrix, vocab.id("the"))).containsExactly(4, 5, 6);
    for (float value : slice(matrix, vocab.id("zebra"))) {
      assertThat(Math.abs(value)).isBetween(1e-9f, 0.2f); // small, random, not zero
    }
    assertThat(matrix.coverage().found()).isEqualTo(2);
    for (EngineChoice engine : EngineChoice.values()) {
      try (NDManager manager = engine.engine().newBaseManager()) {
        TokenEmbedding embedding = TokenEmbedding.pretrained(matrix, true);
        embedding.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        NDArray out = embedding.forward(new ParameterStore(manager, false),
            new NDList(manager.create(new int[] {vocab.id("the"), Vocabulary.PAD_ID}, new Shape(1, 2))), false).head();
        assertThat(out.toFloatArray()).containsExactly(4, 5, 6, 0, 0, 0);
        assertThat(embedding.frozen()).isTrue();
      }
    }
  }

  private static float[] slice(PretrainedMatrix matrix, int row) {
    return Arrays.copyOfRange(matrix.values(), row * matrix.dimension(), (row + 1) * matrix.dimension());
  }
}
