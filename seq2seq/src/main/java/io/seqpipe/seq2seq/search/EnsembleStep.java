package io.seqpipe.seq2seq.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.seqpipe.seq2seq.model.AttentionDecoder;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder step that {@link GreedySearch} and {@link BeamSearch} run: one model, or an ensemble of
 * models sharing the target vocabulary, each reading the source with its own source vocabulary. Every
 * member encodes its own ids of the batch's sentences and keeps its own decoder state; a step feeds the
 * same previous tokens to every member and averages their next-token probabilities, as Joey NMT,
 * OpenNMT-py and fairseq ensemble: {@code log p(y) = logsumexp_i(log p_i(y)) - log n}, the log of the mean
 * probability (computed from each row's maximum, so that no probability underflows). An ensemble of one
 * is that model exactly. The first member's source ids set each sentence's maximum output length and
 * give the attention weights that search returns.
 *
 * <pre>{@code
 * EnsembleStep ensemble = EnsembleStep.of(List.of(modelA, modelB));
 * List<Hypothesis> out = new GreedySearch(settings).search(ensemble, manager, List.of(idsForA, idsForB));
 * }</pre>
 */
public final class EnsembleStep {
  private final List<Seq2SeqModel> models;

  private EnsembleStep(List<Seq2SeqModel> models) {
    this.models = List.copyOf(models);
  }

  /**
   * An ensemble of models with the same target vocabulary, on the same engine and device.
   *
   * @throws IllegalArgumentException when no model is given
   */
  public static EnsembleStep of(List<Seq2SeqModel> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one model");
    }
    return new EnsembleStep(models);
  }

  /** One model alone. */
  public static EnsembleStep of(Seq2SeqModel model) {
    return of(List.of(model));
  }

  public int size() {
    return models.size();
  }

  /** What every member attends to, rows picked together. */
  public record Memory(List<AttentionDecoder.Memory> members) {
    public Memory select(AttentionDecoder.RowSelector selector) {
      return new Memory(members.stream().map(member -> member.select(selector)).toList());
    }

    /** Every member's arrays. */
    NDList arrays() {
      NDList all = new NDList();
      members.forEach(member -> all.addAll(member.arrays()));
      return all;
    }
  }

  /** Every member's decoder state, rows picked together. */
  public record State(List<AttentionDecoder.State> members) {
    public State select(AttentionDecoder.RowSelector selector) {
      return new State(members.stream().map(member -> member.select(selector)).toList());
    }

    /** Every member's arrays. */
    NDList arrays() {
      NDList all = new NDList();
      members.forEach(member -> all.addAll(member.arrays()));
      return all;
    }
  }

  /**
   * The arrays of one search step, freed together when it closes, so that a search holds one step's
   * arrays at a time, not every step's of its batch (a {@code [rows, V]} distribution and its neighbours
   * per step). The step's input state belongs to it; the memory, which lasts the batch, is lent to it, so
   * that what the step computes from the memory belongs to the step too. What the next step needs is
   * {@link #keep kept}: moved to the batch's manager.
   *
   * <pre>{@code
   * try (EnsembleStep.Scope scope = EnsembleStep.Scope.open(batchManager, state, memory)) {
   *   EnsembleStep.Step step = models.step(store, scope.manager().create(previous), state, memory);
   *   state = scope.keep(step.state());
   * }
   * }</pre>
   */
  static final class Scope implements AutoCloseable {
    private final NDManager batch;
    private final NDManager step;

    private Scope(NDManager batch, NDManager step) {
      this.batch = batch;
      this.step = step;
    }

    static Scope open(NDManager batch, State state, Memory memory) {
      NDManager step = batch.newSubManager();
      state.arrays().attach(step);
      memory.arrays().tempAttach(step);
      return new Scope(batch, step);
    }

    NDManager manager() {
      return step;
    }

    /** A state for the next step, moved out of this one. */
    State keep(State state) {
      state.arrays().attach(batch);
      return state;
    }

    /** A memory for the next steps, moved out of this one; the memory it replaces is freed. */
    Memory keep(Memory memory, Memory replaced) {
      memory.arrays().attach(batch);
      replaced.arrays().close();
      return memory;
    }

    @Override
    public void close() {
      step.close();
    }
  }

  /** A batch encoded: what search starts from, and the first member's sources (lengths, padded width). */
  record Start(Memory memory, State state, SourceBatch batch) {}

  /**
   * One step's result.
   *
   * @param logProbabilities the ensemble's next-token log-probabilities {@code [rows, V]}
   * @param attention the first member's attention weights {@code [rows, S]}
   * @param state the next state
   */
  public record Step(NDArray logProbabilities, NDArray attention, State state) {}

  /**
   * Encodes a batch with every member.
   *
   * @param sources per member, the batch's sentences as that member's source ids, in the same order
   */
  Start start(ParameterStore store, NDManager scope, List<List<int[]>> sources) {
    if (sources.size() != models.size()) {
      throw new IllegalArgumentException("an ensemble of " + models.size() + " models needs the sources as each reads"
          + " them, found " + sources.size());
    }
    List<AttentionDecoder.Memory> memories = new ArrayList<>();
    List<AttentionDecoder.State> states = new ArrayList<>();
    SourceBatch first = null;
    for (int m = 0; m < models.size(); m++) {
      SourceBatch batch = SourceBatch.of(scope, sources.get(m));
      Seq2SeqModel.Encoded encoded = models.get(m).encode(store, batch.ids(), batch.lengths(), false);
      memories.add(encoded.memory());
      states.add(encoded.state());
      first = first == null ? batch : first;
    }
    return new Start(new Memory(memories), new State(states), first);
  }

  /** The next step from the previous tokens' ids {@code [rows]}. */
  public Step step(ParameterStore store, NDArray previous, State state, Memory memory) {
    NDList logProbabilities = new NDList();
    List<AttentionDecoder.State> next = new ArrayList<>();
    NDArray attention = null;
    for (int m = 0; m < models.size(); m++) {
      AttentionDecoder.Step step = models.get(m).decoder().step(store, previous, state.members().get(m),
          memory.members().get(m), false);
      logProbabilities.add(step.logits().logSoftmax(1));
      next.add(step.state());
      attention = attention == null ? step.attention() : attention;
    }
    return new Step(mean(logProbabilities), attention, new State(next));
  }

  /** {@code log(mean_i(exp(logp_i)))}, from the elementwise maximum; a single member's values unchanged. */
  private static NDArray mean(NDList logProbabilities) {
    if (logProbabilities.size() == 1) {
      return logProbabilities.head();
    }
    NDArray stacked = NDArrays.stack(logProbabilities, 0);
    NDArray max = stacked.max(new int[] {0}, true);
    return stacked.sub(max).exp().sum(new int[] {0}).log().add(max.squeeze(0)).sub(Math.log(logProbabilities.size()));
  }
}
