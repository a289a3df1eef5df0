package io.seqpipe.pipelines.run;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TextPipelineSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import ai.djl.Device;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.train.Checkpoints;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.models.train.ResumableOptimizer;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.components.Components;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.pipelines.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline run from spec to trained model and reports, the same for every kind: choose the engine and
 * device and seed it, build the kind's model, train it in the shared training loop (token or sentence
 * batches, bucketed and shuffled by seed and epoch; clipping, schedule, early stopping, a checkpoint
 * after every epoch in {@code out/checkpoints}, which a rerun resumes from exactly: a killed run rerun
 * ends as the uninterrupted one would; the model is the best checkpoint's, or with {@code train {
 * average_last N }} the mean of the last N epochs' checkpoints, see {@link Checkpoints}), let the kind evaluate it,
 * and write {@code out/model/}, {@code out/report.json} and {@code out/report.html}. The first thing
 * written is {@code out/.seqpipe-run}, which marks the directory as a run of this pipeline.
 *
 * <pre>{@code
 * LoadedPipeline pipeline = PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), RegisteredNames.INSTANCE);
 * try (RunResult<?> result = RunDriver.run(pipeline, Path.of("runs/sentiment"), true)) {
 *   System.out.println(result.report().task().metrics());
 * }
 * }</pre>
 */
public final class RunDriver {
  private static final Logger LOG = LoggerFactory.getLogger(RunDriver.class);

  private RunDriver() {}

  /**
   * Claims {@code out} (see {@link RunDirectory}: refused unless new, empty or a run of the same pipeline),
   * then reads the pipeline's data, trains and evaluates, continuing from {@code out/checkpoints} if an
   * earlier run left them.
   *
   * @param evaluateTest whether to evaluate the test set (training alone only looks at dev)
   */
  public static RunResult<?> run(LoadedPipeline pipeline, Path out, boolean evaluateTest) throws IOException {
    long started = System.nanoTime();
    RunDirectory.claim(out, pipeline.spec().name());
    return run(pipeline, Tasks.prepare(pipeline), out, evaluateTest, started);
  }

  private static <M extends TrainedModel> RunResult<M> run(LoadedPipeline pipeline, Task<M> task, Path out,
      boolean evaluateTest, long started) throws IOException {
    PipelineSpec spec = pipeline.spec();
    TrainSpec train = spec.train();
    EngineChoice engine = EngineChoice.fromId(train.engine());
    Device device = DeviceChoice.parse(train.device()).resolve(engine.engine());
    engine.engine().setRandomSeed((int) train.seed());
    M model = task.newModel(spec.name(), engine, device);
    try {
      Checkpoints checkpoints = new Checkpoints(out.resolve("checkpoints"), train.averageLast());
      TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(train.epochs(), (float) train.clip(),
          train.earlyStop().patience(), task.higherIsBetter(), train.seed()), checkpoints);
      TrainingState state = train(model, task, train, loop);
      RunReport.Averaged averaged = train.averageLast() == 0 ? null
          : new RunReport.Averaged(checkpoints.finalEpochs(state), task.devMetric(model));
      TaskReport details = task.evaluate(model, state, evaluateTest, out);
      LOG.atInfo().addKeyValue("event", "evaluation").addKeyValue("metrics", Reports.JSON.convertValue(details.metrics(),
          Reports.MAP)).log("evaluated {}", evaluateTest ? "dev and test" : "dev");
      Map<String, RunReport.DataFile> data = Reports.dataHashes(task.dataFiles());
      String specText = DslWriter.write(spec);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("pipeline", spec.name());
      fields.put("data", data);
      fields.put("metrics", details.metrics());
      fields.put("seed", train.seed());
      ComponentSpec subword = spec instanceof TextPipelineSpec text ? text.subword() : null;
      if (subword != null) {
        fields.put("subword", subword);
      }
      if (averaged != null) {
        fields.put("averaged", averaged);
      }
      fields.putAll(task.manifestFields(details));
      Path modelDir = model.save(out.resolve("model"), specText, Reports.JSON.convertValue(fields, Reports.MAP));
      RunReport report = new RunReport(spec.name(), spec.kind().id(), engine.id(), device.toString(),
          loop.stepThreads().chosen(), train.seed(), data,
          task.examples(), subword, details, state, averaged, modelDir.toString(), (System.nanoTime() - started) / 1e9,
          specText);
      AtomicFiles.writeString(out.resolve("report.json"), Reports.JSON.writeValueAsString(report));
      task.writePage(out, report);
      return new RunResult<>(report, model, task, state);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static <M extends TrainedModel> TrainingState train(M model, Task<M> task, TrainSpec train,
      TrainingLoop loop) throws IOException {
    LearningRateSchedule schedule = Components.schedule(train);
    Batcher batcher = (train.batchTokens() > 0 ? Batcher.byTokens(train.batchTokens())
        : Batcher.bySentences(train.batchSize())).bucketed(true);
    int[] lengths = task.lengths();
    TrainingLoop.Setup setup = new TrainingLoop.Setup(model.handle().model(), task.objective(),
        Components.optimizer(train, schedule), task.inputShapes());
    return loop.run(setup, epoch -> batcher.batches(lengths, train.seed() + epoch).stream().map(task::batch).toList(),
        () -> task.devMetric(model), schedule);
  }
}
