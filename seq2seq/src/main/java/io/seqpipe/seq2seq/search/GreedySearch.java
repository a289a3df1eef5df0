package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy decoding of a batch of sentences at once: at every step each unfinished sentence takes its
 * most probable allowed token. The same rules as {@link BeamSearch} (minimum length, n-gram blocking,
 * maximum length), so a beam of 1 gives exactly this output. It decodes one model or an ensemble
 * ({@link EnsembleStep}).
 *
 * <pre>{@code
 * List<Hypothesis> outputs = new GreedySearch(SearchSettings.greedy(1.5)).search(model, manager, sources);
 * }</pre>
 */
public final class GreedySearch {
  private final SearchSettings settings;
  private final TokenRules rules;

  public GreedySearch(SearchSettings settings) {
    this.settings = settings;
    this.rules = new TokenRules(settings);
  }

  /** One output per source sentence (ids without {@code <s>}/{@code </s>}), in order. */
  public List<Hypothesis> search(Seq2SeqModel model, NDManager manager, List<int[]> sources) {
    return search(EnsembleStep.of(model), manager, List.of(sources));
  }

  /**
   * One output per source sentence of an ensemble, in order.
   *
   * @param sources per member, the sentences as its source ids (see {@link EnsembleStep})
   */
  public List<Hypothesis> search(EnsembleStep models, NDManager manager, List<List<int[]>> sources) {
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      EnsembleStep.Start start = models.start(store, scope, sources);
      SourceBatch batch = start.batch();
      int rows = batch.lengthValues().length;
      int[] maxLengths = new int[rows];
      int longest = 0;
      for (int i = 0; i < rows; i++) {
        maxLengths[i] = settings.maxLength(batch.lengthValues()[i]);
        longest = Math.max(longest, maxLengths[i]);
      }
      int[][] tokens = new int[rows][longest];
      int[] lengths = new int[rows];
      double[] logProbabilities = new double[rows];
      boolean[] finished = new boolean[rows];
      List<List<float[]>> attention = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        attention.add(new ArrayList<>());
      }
      int[] active = new int[rows]; // the sentences the decoder's rows hold, one row each
      for (int i = 0; i < rows; i++) {
        active[i] = i;
      }
      int[] previous = new int[rows];
      Arrays.fill(previous, Vocabulary.BOS_ID);
      EnsembleStep.State state = start.state();
      EnsembleStep.Memory memory = start.memory();
      int sourceLength = (int) batch.ids().getShape().get(1);
      for (int t = 0; t < longest; t++) {
        try (EnsembleStep.Scope step = EnsembleStep.Scope.open(scope, state, memory)) {
          EnsembleStep.Step next = models.step(store, step.manager().create(previous), state, memory);
          int[] searching = active;
          RowCandidates best = RowCandidates.of(next.logProbabilities(), 1, t, rules, row -> tokens[searching[row]]);
          float[] weights = next.attention().toType(DataType.FLOAT32, false).toFloatArray();
          for (int row = 0; row < active.length; row++) {
            int i = active[row];
            int token = best.ids()[row][0];
            logProbabilities[i] += best.values()[row][0];
            previous[row] = token;
            if (token == Vocabulary.EOS_ID) {
              finished[i] = true;
              continue;
            }
            tokens[i][lengths[i]++] = token;
            attention.get(i).add(Arrays.copyOfRange(weights, row * sourceLength,
                row * sourceLength + batch.lengthValues()[i]));
            finished[i] = lengths[i] == maxLengths[i];
          }
          // Finished sentences leave the decoder's rows.
          int[] staying = IntStream.range(0, searching.length).filter(row -> !finished[searching[row]]).toArray();
          if (staying.length == 0) {
            break;
          }
          if (staying.length < active.length) {
            memory = step.keep(memory.select(array -> Rows.select(array, staying)), memory);
            int[] kept = new int[staying.length];
            int[] keptPrevious = new int[staying.length];
            for (int row = 0; row < staying.length; row++) {
              kept[row] = active[staying[row]];
              keptPrevious[row] = previous[staying[row]];
            }
            active = kept;
            previous = keptPrevious;
            state = step.keep(next.state().select(array -> Rows.select(array, staying)));
          } else {
            state = step.keep(next.state());
          }
        }
      }
      List<Hypothesis> out = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++) {
        out.add(new Hypothesis(Arrays.copyOf(tokens[i], lengths[i]), logProbabilities[i],
            settings.penalty().normalize(logProbabilities[i], lengths[i]), attention.get(i).toArray(new float[0][])));
      }
      return out;
    }
  }
}
