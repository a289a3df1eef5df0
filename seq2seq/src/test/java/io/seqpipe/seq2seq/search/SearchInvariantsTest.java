package io.seqpipe.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.seq2seq.TinyTranslator;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What search promises, on untrained models (whose outputs are long and varied: a hard case). */
class SearchInvariantsTest {
  private static final int VOCABULARY = 15;

  private static List<int[]> sources(int count, long seed) {
    Random random = new Random(seed);
    List<int[]> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] ids = new int[1 + random.nextInt(9)];
      for (int t = 0; t < ids.length; t++) {
        ids[t] = 4 + random.nextInt(VOCABULARY - 4);
      }
      sources.add(ids);
    }
    return sources;
  }

  private static Seq2SeqModel block(Model model) {
    return (Seq2SeqModel) model.getBlock();
  }

  @ParameterizedTest(name = "{0}, {1}, {2}, input feeding {3}, tied {4}")
  @CsvSource({"MXNET, LSTM, bahdanau, true, false", "MXNET, GRU, luong_general, false, true",
      "PYTORCH, LSTM, luong_dot, true, false", "PYTORCH, GRU, bahdanau, false, false"})
  void beamOfOneIsGreedyAndOutputsDoNotDependOnTheBatch(EngineChoice engine, CellType cell, String attention,
      boolean feeding, boolean tied) {
    try (Model model = TinyTranslator.create(engine, cell, VOCABULARY, 16, attention, feeding, tied)) {
      List<int[]> sources = sources(7, 3);
      SearchSettings one = new SearchSettings(1, new LengthPenalty(0.6), 1.5, 0, 1, 0);
      List<Hypothesis> greedy = new GreedySearch(one).search(block(model), model.getNDManager(), sources);
      List<List<Hypothesis>> beam = new BeamSearch(one).search(block(model), model.getNDManager(), sources);
      for (int i = 0; i < sources.size(); i++) {
        Hypothesis g = greedy.get(i);
        Hypothesis b = beam.get(i).get(0);
        assertThat(b.tokens()).as("sentence %d", i).containsExactly(g.tokens());
        assertThat(b.logProbability()).isEqualTo(g.logProbability());
        assertThat(b.score()).isEqualTo(g.score());
        assertThat(g.tokens().length).isBetween(0, (int) Math.ceil(1.5 * sources.get(i).length));
        assertThat(g.attention()).hasNumberOfRows(g.tokens().length);
      }

      SearchSettings five = new SearchSettings(5, new LengthPenalty(0.6), 1.5, 1, 3, 0);
      List<List<Hypothesis>> together = new BeamSearch(five).search(block(model), model.getNDManager(), sources);
      for (int batch : new int[] {1, 2, 4}) {
        for (int start = 0; start < sources.size(); start += batch) {
          List<int[]> part = sources.subList(start, Math.min(sources.size(), start + batch));
          List<List<Hypothesis>> alone = new BeamSearch(five).search(block(model), model.getNDManager(), part);
          List<Hypothesis> greedyAlone = new GreedySearch(one).search(block(model), model.getNDManager(), part);
          for (int i = 0; i < part.size(); i++) {
            assertSame(alone.get(i), together.get(start + i));
            assertThat(greedyAlone.get(i).tokens()).containsExactly(greedy.get(start + i).tokens());
            assertThat(greedyAlone.get(i).logProbability()).isCloseTo(greedy.get(start + i).logProbability(), within(1e-4));
          }
        }
      }
      for (List<Hypothesis> nBest : together) {
        assertThat(nBest).hasSize(3);
        for (int r = 1; r < nBest.size(); r++) {
          assertThat(nBest.get(r).score()).isLessThanOrEqualTo(nBest.get(r - 1).score());
        }
        Set<String> distinct = new HashSet<>();
        nBest.forEach(h -> distinct.add(Arrays.toString(h.tokens())));
        assertThat(distinct).hasSize(nBest.size());
        nBest.forEach(h -> assertThat(h.tokens().length).isGreaterThanOrEqualTo(1)); // min length 1
        nBest.forEach(h -> assertThat(h.score()).isCloseTo(
            h.logProbability() / Math.pow((5.0 + h.tokens().length) / 6.0, 0.6), within(1e-9)));
      }
    }
  }

  private static void assertSame(List<Hypothesis> actual, List<Hypothesis> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      assertThat(actual.get(r).tokens()).containsExactly(expected.get(r).tokens());
      assertThat(actual.get(r).score()).isCloseTo(expected.get(r).score(), within(1e-4));
    }
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void repeatedNgramsAreBlocked(int n) {
    try (Model model = TinyTranslator.create(EngineChoice.MXNET, VOCABULARY, 16, "bahdanau", true, false)) {
      SearchSettings settings = new SearchSettings(3, LengthPenalty.NONE, 3.0, 0, 3, n);
      for (List<Hypothesis> nBest : new BeamSearch(settings).search(block(model), model.getNDManager(), sources(6, 9))) {
        for (Hypothesis h : nBest) {
          Set<String> seen = new HashSet<>();
          for (int t = 0; t + n <= h.tokens().length; t++) {
            assertThat(seen.add(Arrays.toString(Arrays.copyOfRange(h.tokens(), t, t + n)))).as(Arrays.toString(h.tokens()))
                .isTrue();
          }
        }
      }
    }
  }
}
