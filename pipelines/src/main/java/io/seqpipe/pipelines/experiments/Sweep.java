package io.seqpipe.pipelines.experiments;

import io.seqpipe.nlp.io.Directories;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Runs the trials of a {@link SweepPlan}, each a normal run in {@code DIR/trials/NNN}, {@code parallel} at
 * a time, then writes {@code sweep.csv} and {@code sweep.html} and copies the best trial's model (by dev,
 * never by test) to {@code DIR/best}. A trial whose report shows the epochs it was asked for is skipped,
 * and an interrupted one resumes from its checkpoints, so a killed sweep started again loses little.
 *
 * <p>With halving, the n trials are trained in rounds r = 0..R, R = ceil(log2 n): in round r every
 * remaining trial trains to max(1, ceil(E / 2^(R-r))) epochs (E: its pipeline's {@code train.epochs}),
 * resuming from its checkpoints; after each round but the last, the better half by dev (ceil(k/2) of
 * k; failed trials last) goes on and the rest are dropped. The last round trains one trial to E.
 * Ranks use the best dev metric within the round's epochs, so a restarted sweep ranks as the first did.
 *
 * <pre>{@code
 * Sweep sweep = new Sweep(dir, trials, true, 2, (overrides, out) -> null, printer);
 * List<TrialResult> results = sweep.run();   // best first
 * }</pre>
 */
public final class Sweep {
  /** Runs one trial into its directory (resuming there); returns null, or why it failed. */
  @FunctionalInterface
  public interface TrialRunner {
    String run(List<String> overrides, Path out) throws Exception;
  }

  /**
   * A trial and what its pipeline says about its length.
   *
   * @param epochs its pipeline's {@code train.epochs}
   * @param patience its early-stopping patience (0 = none)
   */
  public record Trial(SweepPlan.Trial plan, int epochs, int patience) {}

  private final Path dir;
  private final List<Trial> trials;
  private final boolean halving;
  private final int parallel;
  private final TrialRunner runner;
  private final PrintWriter log;
  private final Map<String, String> failures = new LinkedHashMap<>();

  public Sweep(Path dir, List<Trial> trials, boolean halving, int parallel, TrialRunner runner, PrintWriter log) {
    this.dir = dir;
    this.trials = List.copyOf(trials);
    this.halving = halving;
    this.parallel = parallel;
    this.runner = runner;
    this.log = log;
  }

  /** The directory of a trial. */
  public Path trialDirectory(String name) {
    return dir.resolve("trials").resolve(name);
  }

  /** Runs the sweep; returns every trial's result, best first. */
  public List<TrialResult> run() throws Exception {
    int rounds = halving ? 32 - Integer.numberOfLeadingZeros(trials.size() - 1) : 0; // ceil(log2 n)
    List<Trial> remaining = trials;
    Map<String, String> dropped = new LinkedHashMap<>();
    for (int round = 0; ; round++) {
      int r = round;
      int total = rounds;
      if (halving) {
        log.printf(Locale.ROOT, "round %d of %d: %d trials%n", round + 1, rounds + 1, remaining.size());
      }
      runAll(remaining, trial -> epochs(trial, r, total));
      if (round >= rounds) {
        break;
      }
      List<Trial> ranked = new ArrayList<>(remaining);
      Map<Trial, Double> devs = new LinkedHashMap<>();
      for (Trial trial : ranked) {
        double dev = failures.containsKey(trial.plan().name()) ? Double.NaN
            : TrialResult.devWithin(trialDirectory(trial.plan().name()), epochs(trial, r, total));
        devs.put(trial, dev);
      }
      boolean higher = higherIsBetter(ranked);
      ranked.sort(Comparator.comparingDouble((Trial t) -> Double.isNaN(devs.get(t)) ? Double.POSITIVE_INFINITY
          : higher ? -devs.get(t) : devs.get(t)));
      remaining = ranked.subList(0, (ranked.size() + 1) / 2);
      ranked.subList(remaining.size(), ranked.size()).forEach(t -> dropped.put(t.plan().name(), "dropped"));
    }
    List<TrialResult> results = new ArrayList<>();
    for (Trial trial : trials) {
      String name = trial.plan().name();
      String status = failures.containsKey(name) ? "failed: " + failures.get(name) : dropped.getOrDefault(name, "done");
      results.add(TrialResult.read(trial.plan(), trialDirectory(name), status));
    }
    results.sort(TrialResult.BEST_FIRST);
    TrialResult best = results.stream().filter(r -> r.status().equals("done") && !Double.isNaN(r.dev())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(dir + ": every trial failed; see " + dir.resolve("trials")));
    SweepReport.write(dir, results, best);
    copyBest(best);
    return results;
  }

  private boolean higherIsBetter(List<Trial> ranked) throws IOException {
    for (Trial trial : ranked) {
      Path dir = trialDirectory(trial.plan().name());
      if (Files.isRegularFile(dir.resolve("report.json"))) {
        return TrialResult.read(trial.plan(), dir, "").higherIsBetter();
      }
    }
    return true;
  }

  /** The epochs a trial trains to in a round: all of them without halving. */
  private int epochs(Trial trial, int round, int rounds) {
    return halving ? Math.max(1, (int) Math.ceil(trial.epochs() / Math.pow(2, rounds - round))) : trial.epochs();
  }

  private void runAll(List<Trial> round, ToIntFunction<Trial> epochs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Trial trial : round) {
        String name = trial.plan().name();
        Path out = trialDirectory(name);
        int target = epochs.applyAsInt(trial);
        if (TrialResult.finished(out, target, trial.patience())) {
          continue;
        }
        List<String> overrides = new ArrayList<>();
        trial.plan().parameters().forEach((key, value) -> overrides.add(key + "=" + value));
        if (target != trial.epochs()) {
          overrides.add("train.epochs=" + target);
        }
        running.add(pool.submit(() -> {
          synchronized (log) {
            log.printf(Locale.ROOT, "trial %s %s: %d epochs%n", name, trial.plan().parameters(), target);
          }
          String failure = runner.run(overrides, out);
          if (failure != null) {
            synchronized (failures) {
              failures.put(name, failure);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void copyBest(TrialResult best) throws IOException {
    Path staging = dir.resolve(".best-new");
    Directories.deleteTree(staging);
    Directories.copyTree(trialDirectory(best.trial().name()).resolve("model"), staging);
    Directories.deleteTree(dir.resolve("best"));
    Directories.moveIntoPlace(staging, dir.resolve("best"));
  }
}
