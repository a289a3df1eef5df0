package io.seqpipe.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.seq2seq.TinyTranslator;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ensembles: the mean of the members' probabilities per step, and the invariants search keeps with them. */
class EnsembleStepTest {
  private static final int VOCABULARY = 15;

  private static List<int[]> sources(int count, long seed, int offset) {
    Random random = new Random(seed);
    List<int[]> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] ids = new int[1 + random.nextInt(9)];
      for (int t = 0; t < ids.length; t++) {
        ids[t] = 4 + (random.nextInt(VOCABULARY - 4) + offset) % (VOCABULARY - 4);
      }
      sources.add(ids);
    }
    return sources;
  }

  private static Model model(EngineChoice engine, int seed) {
    return TinyTranslator.create(engine, CellType.LSTM, VOCABULARY, 16, "luong_general", true, false, seed);
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aStepAveragesTheMembersProbabilities(EngineChoice engine) {
    try (Model a = model(engine, 7); Model b = model(engine, 8);
        NDManager scope = a.getNDManager().newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      List<int[]> sourcesA = sources(4, 1, 0);
      List<int[]> sourcesB = sources(4, 1, 3); // the other member reads the sentences with other ids
      int[] previous = {Vocabulary.BOS_ID, 5, 6, 7};
      float[] alone = firstStep(EnsembleStep.of((Seq2SeqModel) a.getBlock()), store, scope, List.of(sourcesA), previous);
      float[] other = firstStep(EnsembleStep.of((Seq2SeqModel) b.getBlock()), store, scope, List.of(sourcesB), previous);
      float[] both = firstStep(EnsembleStep.of(List.of((Seq2SeqModel) a.getBlock(), (Seq2SeqModel) b.getBlock())),
          store, scope, List.of(sourcesA, sourcesB), previous);
      assertThat(Arrays.equals(alone, other)).as("the members differ").isFalse();
      for (int i = 0; i < both.length; i++) {
        double mean = Math.log((Math.exp(alone[i]) + Math.exp(other[i])) / 2);
        assertThat((double) both[i]).as("entry %d", i).isCloseTo(mean, within(1e-5));
      }
    }
  }

  private static float[] firstStep(EnsembleStep models, ParameterStore store, NDManager scope, List<List<int[]>> sources,
      int[] previous) {
    EnsembleStep.Start start = models.start(store, scope, sources);
    return models.step(store, scope.create(previous), start.state(), start.memory()).logProbabilities()
        .toType(DataType.FLOAT32, false).toFloatArray();
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void aModelWithItselfTranslatesAsTheModelAlone(EngineChoice engine) {
    try (Model model = model(engine, 7)) {
      Seq2SeqModel block = (Seq2SeqModel) model.getBlock();
      List<int[]> sources = sources(8, 5, 0);
      EnsembleStep twice = EnsembleStep.of(List.of(block, block));
      SearchSettings greedy = SearchSettings.greedy(1.5);
      List<Hypothesis> alone = new GreedySearch(greedy).search(block, model.getNDManager(), sources);
      List<Hypothesis> together = new GreedySearch(greedy).search(twice, model.getNDManager(), List.of(sources, sources));
      SearchSettings beam = new SearchSettings(4, new LengthPenalty(0.6), 1.5, 0, 2, 0);
      List<List<Hypothesis>> beamAlone = new BeamSearch(beam).search(block, model.getNDManager(), sources);
      List<List<Hypothesis>> beamTogether = new BeamSearch(beam).search(twice, model.getNDManager(),
          List.of(sources, sources));
      for (int i = 0; i < sources.size(); i++) {
        assertThat(together.get(i).tokens()).as("greedy, sentence %d", i).containsExactly(alone.get(i).tokens());
        assertThat(together.get(i).logProbability()).isCloseTo(alone.get(i).logProbability(), within(1e-4));
        for (int k = 0; k < 2; k++) {
          assertThat(beamTogether.get(i).get(k).tokens()).as("beam, sentence %d, hypothesis %d", i, k)
              .containsExactly(beamAlone.get(i).get(k).tokens());
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineChoice.class)
  void beamOfOneOfAOneModelEnsembleIsThatModelsGreedyOutput(EngineChoice engine) {
    try (Model model = model(engine, 9)) {
      Seq2SeqModel block = (Seq2SeqModel) model.getBlock();
      List<int[]> sources = sources(7, 3, 0);
      SearchSettings one = new SearchSettings(1, new LengthPenalty(0.6), 1.5, 0, 1, 0);
      List<List<Hypothesis>> beam = new BeamSearch(one).search(EnsembleStep.of(List.of(block)), model.getNDManager(),
          List.of(sources));
      List<Hypothesis> greedy = new GreedySearch(one).search(block, model.getNDManager(), sources);
      for (int i = 0; i < sources.size(); i++) {
        assertThat(beam.get(i).get(0).tokens()).as("sentence %d", i).containsExactly(greedy.get(i).tokens());
        assertThat(beam.get(i).get(0).logProbability()).isEqualTo(greedy.get(i).logProbability());
      }
    }
  }
}
