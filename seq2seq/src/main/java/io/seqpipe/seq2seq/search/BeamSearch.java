package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a batch of sentences at once: the decoder runs on {@code sentences x beam} rows per
 * step (one row per sentence at the first step, where the beams would be copies of one); the host keeps each sentence's beams (log-probabilities, token histories, attention), picks the
 * best continuations, and tells the decoder which rows to continue from. A hypothesis that takes
 * {@code </s>} leaves the beam and joins the sentence's finished ones; a sentence is done when it has
 * {@code beam} finished hypotheses or reaches its maximum length, and then leaves the decoder's rows, so
 * later steps cost only what the sentences still searching need. Finished hypotheses are ranked by the
 * GNMT length penalty; the best {@code n_best} are returned, best first.
 *
 * <p>Each sentence's search depends only on its own rows (padding is masked), so its output does not
 * depend on the batch it is in; with a beam of 1 the output and scores are exactly {@link GreedySearch}'s.
 * It decodes one model or an ensemble ({@link EnsembleStep}).
 *
 * <pre>{@code
 * SearchSettings settings = new SearchSettings(5, new LengthPenalty(0.6), 1.5, 0, 1, 0);
 * List<List<Hypothesis>> nBest = new BeamSearch(settings).search(model, manager, sources);
 * }</pre>
 */
public final class BeamSearch {
  private final SearchSettings settings;
  private final TokenRules rules;

  public BeamSearch(SearchSettings settings) {
    this.settings = settings;
    this.rules = new TokenRules(settings);
  }

  /** A live hypothesis: its tokens, log-probability and attention so far. */
  private record Beam(int[] tokens, double logProbability, List<float[]> attention) {
    static final Beam DEAD = new Beam(new int[0], Double.NEGATIVE_INFINITY, List.of());

    boolean dead() {
      return logProbability == Double.NEGATIVE_INFINITY;
    }
  }

  /** A continuation of beam {@code beam} by {@code token}. */
  private record Candidate(int beam, int token, double logProbability) {}

  /** The {@code nBest} outputs of each source sentence, best first, in order. */
  public List<List<Hypothesis>> search(Seq2SeqModel model, NDManager manager, List<int[]> sources) {
    return search(EnsembleStep.of(model), manager, List.of(sources));
  }

  /**
   * The {@code nBest} outputs of each source sentence of an ensemble, best first, in order.
   *
   * @param sources per member, the sentences as its source ids (see {@link EnsembleStep})
   */
  public List<List<Hypothesis>> search(EnsembleStep models, NDManager manager, List<List<int[]>> sources) {
    int k = settings.beamSize();
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      EnsembleStep.Start start = models.start(store, scope, sources);
      SourceBatch batch = start.batch();
      int sentences = batch.lengthValues().length;
      // The first step runs one row per sentence: its k beams would be k copies of the one start.
      EnsembleStep.Memory memory = start.memory();
      EnsembleStep.State state = start.state();
      int width = 1; // decoder rows per searching sentence: 1 at the first step, then k
      int sourceLength = (int) batch.ids().getShape().get(1);

      Beam[][] beams = new Beam[sentences][k];
      List<List<Hypothesis>> finished = new ArrayList<>();
      boolean[] done = new boolean[sentences];
      int longest = 0;
      for (int s = 0; s < sentences; s++) {
        Arrays.fill(beams[s], Beam.DEAD);
        beams[s][0] = new Beam(new int[0], 0, List.of()); // one live beam to start: no duplicate hypotheses
        finished.add(new ArrayList<>());
        longest = Math.max(longest, settings.maxLength(batch.lengthValues()[s]));
      }
      int[] active = new int[sentences]; // the sentences the decoder's rows hold, k rows each
      for (int s = 0; s < sentences; s++) {
        active[s] = s;
      }
      int[] previous = new int[sentences];
      Arrays.fill(previous, Vocabulary.BOS_ID);
      for (int t = 0; t < longest && active.length > 0; t++) {
        try (EnsembleStep.Scope stepScope = EnsembleStep.Scope.open(scope, state, memory)) {
          EnsembleStep.Step step = models.step(store, stepScope.manager().create(previous), state, memory);
          int[] searching = active;
          int rowsEach = width;
          RowCandidates rowBest = RowCandidates.of(step.logProbabilities(), 2 * k, t, rules, row -> {
            Beam beam = beams[searching[row / rowsEach]][row % rowsEach];
            return beam.dead() ? null : beam.tokens();
          });
          float[] weights = step.attention().toType(DataType.FLOAT32, false).toFloatArray();
          int[] from = new int[active.length * k];
          int[] next = new int[active.length * k];
          for (int position = 0; position < active.length; position++) {
            int s = active[position];
            int first = position * width; // the sentence's first row in this step
            int out = position * k;       // and in the next
            Arrays.fill(from, out, out + k, first); // dead beams follow beam 0
            int maxLength = settings.maxLength(batch.lengthValues()[s]);
            List<Candidate> best = best(beams[s], rowBest, first, 2 * k);
            Beam[] kept = new Beam[k];
            Arrays.fill(kept, Beam.DEAD);
            int live = 0;
            for (Candidate candidate : best) {
              Beam parent = beams[s][candidate.beam()];
              int row = first + candidate.beam();
              if (candidate.token() == Vocabulary.EOS_ID) {
                finished.get(s).add(hypothesis(parent.tokens(), candidate.logProbability(), parent.attention()));
              } else {
                List<float[]> attention = new ArrayList<>(parent.attention());
                attention.add(Arrays.copyOfRange(weights, row * sourceLength, row * sourceLength + batch.lengthValues()[s]));
                int[] tokens = Arrays.copyOf(parent.tokens(), parent.tokens().length + 1);
                tokens[tokens.length - 1] = candidate.token();
                Beam extended = new Beam(tokens, candidate.logProbability(), attention);
                if (tokens.length == maxLength) {
                  finished.get(s).add(hypothesis(tokens, candidate.logProbability(), attention));
                } else {
                  from[out + live] = row;
                  next[out + live] = candidate.token();
                  kept[live++] = extended;
                }
              }
              if (live == k || finished.get(s).size() >= k) {
                break;
              }
            }
            beams[s] = kept;
            done[s] = finished.get(s).size() >= k || live == 0;
          }
          // Done sentences leave the decoder's rows: later steps run on the sentences still searching.
          int[] staying = Arrays.stream(active).filter(s -> !done[s]).toArray();
          int[] rows = new int[staying.length * k];
          int[] memoryRows = new int[staying.length * k];
          previous = new int[staying.length * k];
          for (int position = 0, kept = 0; position < active.length; position++) {
            if (done[active[position]]) {
              continue;
            }
            for (int b = 0; b < k; b++) {
              rows[kept * k + b] = from[position * k + b];
              memoryRows[kept * k + b] = position * width;
              previous[kept * k + b] = next[position * k + b];
            }
            kept++;
          }
          if (staying.length == 0) {
            break;
          }
          if (staying.length < active.length || width < k) {
            memory = stepScope.keep(memory.select(array -> Rows.select(array, memoryRows)), memory);
          }
          active = staying;
          width = k;
          state = stepScope.keep(step.state().select(array -> Rows.select(array, rows)));
        }
      }
      List<List<Hypothesis>> out = new ArrayList<>(sentences);
      for (int s = 0; s < sentences; s++) {
        List<Hypothesis> ranked = new ArrayList<>(finished.get(s));
        ranked.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        out.add(List.copyOf(ranked.subList(0, Math.min(settings.nBest(), ranked.size()))));
      }
      return out;
    }
  }

  private Hypothesis hypothesis(int[] tokens, double logProbability, List<float[]> attention) {
    return new Hypothesis(tokens, logProbability, settings.penalty().normalize(logProbability, tokens.length),
        attention.toArray(new float[0][]));
  }

  /**
   * The {@code count} best continuations of a sentence's live beams from its rows' candidates, best
   * first; of equal ones the lower beam, then the lower id.
   */
  private static List<Candidate> best(Beam[] beams, RowCandidates rowBest, int firstRow, int count) {
    TopList top = new TopList(count);
    for (int b = 0; b < beams.length; b++) {
      if (beams[b].dead()) {
        continue;
      }
      float[] candidates = rowBest.values()[firstRow + b];
      for (int i = 0; i < candidates.length && candidates[i] != Float.NEGATIVE_INFINITY; i++) {
        double total = beams[b].logProbability() + candidates[i];
        if (!top.accepts(total)) {
          break; // the row's candidates are sorted: none after this one can enter
        }
        top.offer(total, b, rowBest.ids()[firstRow + b][i]);
      }
    }
    List<Candidate> best = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      best.add(new Candidate(top.first(i), top.second(i), top.score(i)));
    }
    return best;
  }
}
