package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.models.train.TrainingDivergedException;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.experiments.Sweep;
import io.seqpipe.pipelines.experiments.SweepPlan;
import io.seqpipe.pipelines.experiments.SweepSpace;
import io.seqpipe.pipelines.experiments.TrialResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe sweep FILE}: a hyper-parameter sweep, each trial a {@code seqpipe run} with its own
 * {@code --set} overrides in {@code DIR/trials/NNN}. Every trial's pipeline is validated before any
 * trains. With {@code --parallel P > 1} the trials run as P child JVMs sharing the cores.
 *
 * <p>What is swept comes from the options or from the file's {@code sweep} block: {@code --grid}, {@code
 * --random} and {@code --range}, when any is given, replace the block entirely (its halving and seed too);
 * without them the block is used, and {@code --halving} or {@code --seed}, when given, override its own.
 * A file with no block and none of these options is an error.
 *
 * <pre>{@code
 * seqpipe sweep examples/sentiment.pipe --out runs/sw0     # the file's sweep { ... } block
 * seqpipe sweep examples/sentiment.pipe --grid encoder.hidden=64,128 --grid train.optimizer.lr=1e-3,3e-3 --out runs/sw
 * seqpipe sweep examples/sentiment.pipe --random 8 --range train.optimizer.lr=1e-4:1e-2:log --halving --out runs/sw2
 * }</pre>
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Train a pipeline with each combination of parameters; write sweep.csv, sweep.html and best/.",
        "Without --grid, --random or --range, the pipeline file's sweep { ... } block says what to vary; when any "
            + "of them is given, the options replace the block (its halving and seed too)."})
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PipelineArguments pipelineFile;

  @Option(names = "--grid", paramLabel = "KEY=V1,V2",
      description = "Values to try for a key, e.g. encoder.hidden=64,128 (repeatable; trials are the product).")
  List<String> grid = new ArrayList<>();

  @Option(names = "--random", paramLabel = "N", defaultValue = "0",
      description = "Draw N trials instead: each --grid key from its values, each --range key from its range.")
  int random;

  @Option(names = "--range", paramLabel = "KEY=LOW:HIGH[:log]",
      description = "A range for --random, e.g. train.optimizer.lr=1e-4:1e-2:log (integers if both bounds are).")
  List<String> ranges = new ArrayList<>();

  @Option(names = "--halving", description = "Successive halving: train all briefly, continue the better half.")
  boolean halving;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of --random (default: the sweep block's seed when it is used, else 1).")
  Long seed;

  @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
      description = "Trials at once, as child JVMs sharing the cores (default 1: one at a time, in this JVM).")
  int parallel;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The sweep's directory; the same command again resumes it.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel " + parallel + ": expected 1 or more");
    }
    Swept swept = swept();
    SweepPlan plan = SweepPlan.of(pipelineFile.file.toString(), pipelineFile.overrides(List.of()), swept.halving(),
        swept.space().trials(swept.seed()));
    List<Sweep.Trial> trials = new ArrayList<>();
    for (SweepPlan.Trial trial : plan.trials()) {
      LoadedPipeline loaded = pipelineFile.load(overrides(trial.parameters()));
      trials.add(new Sweep.Trial(trial, loaded.spec().train().epochs(), loaded.spec().train().earlyStop().patience()));
    }
    plan.claim(out);
    PrintWriter printer = spec.commandLine().getOut();
    Sweep.TrialRunner runner = parallel == 1 ? this::runHere : new TrialProcess(pipelineFile.file,
        plan.overrides(), Math.max(1, Runtime.getRuntime().availableProcessors() / parallel));
    List<TrialResult> results = new Sweep(out, trials, swept.halving(), parallel, runner, printer).run();
    TrialResult best = results.get(0);
    printer.printf(Locale.ROOT, "best: trial %s %s, dev %s %.4f, test %.4f%n", best.trial().name(), best.parameters(),
        best.metric(), best.dev(), best.test());
    printer.println("model:  " + out.resolve("best"));
    printer.println("report: " + out.resolve("sweep.html") + " (and sweep.csv)");
    return 0;
  }

  /** What is varied, how, and the seed of random trials. */
  private record Swept(SweepSpace space, boolean halving, long seed) {}

  /** The options when any of --grid, --random and --range is given, else the file's sweep block. */
  private Swept swept() {
    if (!grid.isEmpty() || !ranges.isEmpty() || random != 0) {
      return new Swept(SweepSpace.parse(grid, ranges, random), halving, seed == null ? 1 : seed);
    }
    SweepSpec block = pipelineFile.load().spec().sweep();
    if (block == null) {
      throw new IllegalArgumentException(pipelineFile.file + ": no sweep { ... } block to run; add one, or give"
          + " --grid KEY=V1,V2 or --random N with --range KEY=LOW:HIGH");
    }
    return new Swept(SweepSpace.of(block), halving || block.halving(), seed == null ? block.seed() : seed);
  }

  private static List<String> overrides(Map<String, String> parameters) {
    return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private String runHere(List<String> overrides, Path trialOut) throws Exception {
    try (Pipeline pipeline = Pipelines.of(pipelineFile.load(overrides)).outputDirectory(trialOut)) {
      pipeline.run();
      return null;
    } catch (TrainingDivergedException e) {
      return e.getMessage();
    }
  }
}
