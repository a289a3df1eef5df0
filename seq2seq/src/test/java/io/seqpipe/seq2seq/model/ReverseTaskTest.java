package io.seqpipe.seq2seq.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.Masks;
import io.seqpipe.nlp.data.PaddedBatch;
import io.seqpipe.nlp.metrics.Bleu;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.seq2seq.TinyTranslator;
import io.seqpipe.seq2seq.search.BeamSearch;
import io.seqpipe.seq2seq.search.GreedySearch;
import io.seqpipe.seq2seq.search.Hypothesis;
import io.seqpipe.seq2seq.search.LengthPenalty;
import io.seqpipe.seq2seq.search.SearchSettings;
import io.seqpipe.seq2seq.train.SequenceLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The model learns to reverse sequences with teacher forcing, and both searches then translate them. */
class ReverseTaskTest {
  private static final int VOCABULARY = 14;
  private static final int BATCH = 32;

  private static int[] source(Random random) {
    int[] ids = new int[3 + random.nextInt(5)];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = 4 + random.nextInt(VOCABULARY - 4);
    }
    return ids;
  }

  private static int[] reversed(int[] ids) {
    int[] out = new int[ids.length];
    for (int t = 0; t < ids.length; t++) {
      out[t] = ids[ids.length - 1 - t];
    }
    return out;
  }

  private static int[] with(int first, int[] middle, int last) {
    int[] out = new int[middle.length + (first >= 0 ? 1 : 0) + (last >= 0 ? 1 : 0)];
    int i = 0;
    if (first >= 0) {
      out[i++] = first;
    }
    for (int id : middle) {
      out[i++] = id;
    }
    if (last >= 0) {
      out[i] = last;
    }
    return out;
  }

  private static String text(int[] ids) {
    return Arrays.stream(ids).mapToObj(id -> "w" + id).collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void learnsToReverse(EngineChoice engine) {
    try (Model model = TinyTranslator.create(engine, VOCABULARY, 32, "luong_general", true, false)) {
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
      Random random = new Random(5);
      float first = 0;
      float last = 0;
      try (Trainer trainer = model.newTrainer(config)) {
        for (int step = 0; step < 250; step++) {
          List<int[]> sources = new ArrayList<>();
          List<int[]> targetIn = new ArrayList<>();
          List<int[]> targetOut = new ArrayList<>();
          for (int b = 0; b < BATCH; b++) {
            int[] source = source(random);
            sources.add(source);
            targetIn.add(with(Vocabulary.BOS_ID, reversed(source), -1));
            targetOut.add(with(-1, reversed(source), Vocabulary.EOS_ID));
          }
          PaddedBatch src = PaddedBatch.of(sources, Vocabulary.PAD_ID);
          PaddedBatch in = PaddedBatch.of(targetIn, Vocabulary.PAD_ID);
          PaddedBatch out = PaddedBatch.of(targetOut, Vocabulary.PAD_ID);
          try (NDManager scope = trainer.getManager().newSubManager();
              GradientCollector collector = trainer.newGradientCollector()) {
            NDList inputs = new NDList(scope.create(src.ids(), new Shape(src.rows(), src.columns())),
                scope.create(src.lengths()), scope.create(in.ids(), new Shape(in.rows(), in.columns())));
            NDArray logits = trainer.forward(inputs).head();
            NDArray mask = Masks.fromLengths(scope, out.lengths(), out.columns());
            NDArray loss = SequenceLoss.crossEntropy(logits, scope.create(out.ids(), new Shape(out.rows(), out.columns())),
                mask, 0.0);
            collector.backward(loss);
            last = loss.getFloat();
            first = step == 0 ? last : first;
          }
          trainer.step();
        }
      }
      assertThat(last).isLessThan(first * 0.1f);

      Random held = new Random(77);
      List<int[]> tests = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        tests.add(source(held));
      }
      Seq2SeqModel block = (Seq2SeqModel) model.getBlock();
      List<Hypothesis> greedy = new GreedySearch(SearchSettings.greedy(2.0)).search(block, model.getNDManager(), tests);
      List<List<Hypothesis>> beam = new BeamSearch(new SearchSettings(5, new LengthPenalty(0.6), 2.0, 0, 1, 0))
          .search(block, model.getNDManager(), tests);
      List<String> references = tests.stream().map(t -> text(reversed(t))).toList();
      double greedyBleu = Bleu.builder().build().corpusScore(greedy.stream().map(h -> text(h.tokens())).toList(),
          List.of(references)).score();
      double beamBleu = Bleu.builder().build().corpusScore(beam.stream().map(n -> text(n.get(0).tokens())).toList(),
          List.of(references)).score();
      assertThat(greedyBleu).isGreaterThan(90);
      assertThat(beamBleu).isGreaterThan(90);
    }
  }
}
