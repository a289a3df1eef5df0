package io.seqpipe.pipelines.classify;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.PretrainedMatrix;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.models.train.Checkpoints;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.nlp.vocab.VocabularyBuilder;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.spec.Components;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code classify} pipeline from spec to trained model and report: read and split the data, analyze,
 * build the vocabulary, embeddings and model, train with early stopping, evaluate on dev (and test),
 * and write into the output directory {@code model/} (the artifact), {@code report.json}, {@code
 * report.html} with its charts, and {@code checkpoints/} (which a rerun resumes from).
 *
 * <pre>{@code
 * LoadedPipeline pipeline = PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), RegisteredNames.INSTANCE);
 * try (ClassificationRun.Result result = ClassificationRun.run(pipeline, Path.of("runs/sentiment"), true)) {
 *   System.out.println(result.report().get("metrics"));
 * }
 * }</pre>
 */
public final class ClassificationRun {
  private static final Logger LOG = LoggerFactory.getLogger(ClassificationRun.class);
  private static final int MISCLASSIFIED_SHOWN = 10;

  /**
   * What a run leaves for its caller: the report as written, and the trained classifier (close it).
   *
   * @param test the test evaluation, or null when the run had no test set or did not evaluate it
   */
  public record Result(Map<String, Object> report, Classifier classifier, Evaluation dev, Evaluation test)
      implements AutoCloseable {
    @Override
    public void close() {
      classifier.close();
    }
  }

  private ClassificationRun() {}

  /**
   * Trains and evaluates, continuing from {@code out/checkpoints} if an earlier run left them.
   *
   * @param evaluateTest whether to evaluate the test set (training alone only looks at dev)
   */
  public static Result run(LoadedPipeline pipeline, Path out, boolean evaluateTest) throws IOException {
    long started = System.nanoTime();
    PipelineSpec spec = pipeline.spec();
    TrainSpec train = spec.train();
    ClassificationData data = ClassificationData.load(pipeline, train.seed());
    TextAnalysis analysis = TextAnalysis.of(Components.analyzer(spec.analyzer()), pipeline.baseDir(),
        spec.data().maxLength());
    List<String> labels = new ArrayList<>(new TreeSet<>(data.train().stream().map(ClassificationExample::label).toList()));
    List<List<String>> trainTokens = analysis.tokens(texts(data.train()));
    List<List<String>> devTokens = analysis.tokens(texts(data.dev()));
    VocabularyBuilder builder = Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency())
        .maxSize(spec.vocabulary().maxSize());
    trainTokens.forEach(builder::addAll);
    Vocabulary vocabulary = builder.build();
    int[] trainLabels = labelIds(data.train(), labels, data.files().get("train"));
    List<int[]> trainIds = trainTokens.stream().map(tokens -> TextAnalysis.ids(tokens, vocabulary)).toList();
    List<int[]> devIds = devTokens.stream().map(tokens -> TextAnalysis.ids(tokens, vocabulary)).toList();
    int[] devLabels = labelIds(data.dev(), labels, data.files().get("dev"));
    LOG.info("{} train, {} dev, {} test examples; vocabulary {}; labels {}", data.train().size(), data.dev().size(),
        data.test().size(), vocabulary.size(), labels);

    Map<String, Object> report = new LinkedHashMap<>();
    EngineChoice engine = EngineChoice.fromId(train.engine());
    Device device = DeviceChoice.parse(train.device()).resolve(engine.engine());
    engine.engine().setRandomSeed((int) train.seed());
    TokenEmbedding embedding = embedding(pipeline, vocabulary, report);
    ClassifierConfig config = ClassifierConfig.of(pipeline, embedding.dimension(), labels);
    float[] classWeights = ClassWeights.of(train.classWeights(), trainLabels, labels.size());
    String metric = train.earlyStop().metric();
    Model model = Model.newInstance(spec.name(), device, engine.djlName());
    Classifier classifier = null;
    try {
      model.setBlock(config.block(embedding));
      TrainingState state = train(model, train, out, trainIds, trainLabels, classWeights,
          trainer -> devMetric(trainer, devIds, devLabels, labels, metric, classWeights, train.labelSmoothing()));
      classifier = new Classifier(model, config, vocabulary, engine.id(), Map.of());
      Evaluation dev = Evaluation.of(classifier, data.dev(), devTokens);
      Evaluation test = evaluateTest && !data.test().isEmpty() ? Evaluation.of(classifier, data.test()) : null;
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("dev", dev.metrics());
      if (test != null) {
        metrics.put("test", test.metrics());
      }
      report.put("pipeline", spec.name());
      report.put("kind", spec.kind().id());
      report.put("metrics", metrics);
      report.put("early_stop_metric", metric);
      report.put("engine", engine.id());
      report.put("device", device.toString());
      report.put("seed", train.seed());
      report.put("data", Reports.dataHashes(data.files()));
      report.put("examples", Map.of("train", data.train().size(), "dev", data.dev().size(), "test", data.test().size()));
      report.put("vocabulary_size", vocabulary.size());
      report.put("labels", labels);
      report.put("class_weights", classWeights);
      report.put("training", state);
      Evaluation shown = test != null ? test : dev;
      report.put("misclassified", Map.of("split", test != null ? "test" : "dev",
          "examples", shown.misclassified(MISCLASSIFIED_SHOWN)));
      String specText = DslWriter.write(spec);
      Path modelDir = classifier.save(out.resolve("model"), specText, Map.of("pipeline", spec.name(),
          "data", report.get("data"), "metrics", metrics, "seed", train.seed(),
          "fields", Map.of("text", spec.data().textField(), "label", spec.data().labelField())));
      report.put("model", modelDir.toString());
      report.put("seconds", (System.nanoTime() - started) / 1e9);
      report.put("spec", specText);
      AtomicFiles.writeString(out.resolve("report.json"), Reports.JSON.writeValueAsString(report));
      ClassificationPage.write(out, report, state, shown, test != null ? "test" : "dev");
      return new Result(report, classifier, dev, test);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static TrainingState train(Model model, TrainSpec train, Path out, List<int[]> ids, int[] labelIds,
      float[] classWeights, ToDoubleFunction<Trainer> devMetric) throws IOException {
    LearningRateSchedule schedule = Components.schedule(train);
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Components.optimizer(train, schedule)).optDevices(new Device[] {model.getNDManager().getDevice()});
    try (Trainer trainer = model.newTrainer(trainingConfig)) {
      trainer.initialize(new Shape(2, 4), new Shape(2));
      Batcher batcher = (train.batchTokens() > 0 ? Batcher.byTokens(train.batchTokens())
          : Batcher.bySentences(train.batchSize())).bucketed(true);
      int[] lengths = ids.stream().mapToInt(row -> row.length).toArray();
      int classes = classWeights.length;
      TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(train.epochs(), (float) train.clip(),
          train.earlyStop().patience(), !train.earlyStop().metric().equals("loss")), new Checkpoints(out.resolve("checkpoints")));
      return loop.run(trainer,
          epoch -> batcher.batches(lengths, train.seed() + epoch).stream()
              .map(indices -> ClassificationBatch.of(ids, indices, labelIds, classes)).toList(),
          (predictions, target) -> crossEntropy(predictions.head(), target.head(), classWeights, train.labelSmoothing()),
          devMetric, schedule);
    }
  }

  private static TokenEmbedding embedding(LoadedPipeline pipeline, Vocabulary vocabulary, Map<String, Object> report)
      throws IOException {
    PipelineSpec spec = pipeline.spec();
    if (!spec.embeddings().isPretrained()) {
      return TokenEmbedding.learned(vocabulary.size(), spec.embeddings().dimension());
    }
    Path file = pipeline.resolve(spec.embeddings().file());
    PretrainedMatrix matrix = PretrainedMatrix.of(vocabulary,
        EmbeddingReader.read(file, EmbeddingFormat.fromId(spec.embeddings().type()), vocabulary), spec.train().seed());
    LOG.info("embeddings {}: {}", file, matrix.coverage());
    report.put("embeddings_coverage", matrix.coverage().ratio());
    return TokenEmbedding.pretrained(matrix, spec.embeddings().frozen());
  }

  private static List<String> texts(List<ClassificationExample> examples) {
    return examples.stream().map(ClassificationExample::text).toList();
  }

  /** Labels as indices into {@code labels}; a label the training data lacks is an error naming its line. */
  private static int[] labelIds(List<ClassificationExample> examples, List<String> labels, Path file) {
    int[] ids = new int[examples.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = labels.indexOf(examples.get(i).label());
      if (ids[i] < 0) {
        throw new InputFormatException(file, examples.get(i).line(), 1,
            "label '" + examples.get(i).label() + "' does not occur in the training data " + labels);
      }
    }
    return ids;
  }

  /**
   * Cross-entropy of logits against one-hot targets with label smoothing, each example weighted by its
   * class's weight, averaged over the weights (PyTorch's weighted mean).
   */
  static NDArray crossEntropy(NDArray logits, NDArray oneHot, float[] classWeights, double smoothing) {
    NDArray target = oneHot;
    if (smoothing > 0) {
      long classes = oneHot.getShape().get(1);
      target = oneHot.mul((float) (1 - smoothing)).add((float) (smoothing / classes));
    }
    NDArray perExample = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
    NDArray weights = oneHot.mul(logits.getManager().create(classWeights)).sum(new int[] {1});
    return perExample.mul(weights).sum().div(weights.sum());
  }

  private static double devMetric(Trainer trainer, List<int[]> ids, int[] labelIds, List<String> labels, String metric,
      float[] classWeights, double smoothing) {
    ClassifierInference.Output output = ClassifierInference.run(trainer.getModel().getBlock(), trainer.getManager(), ids);
    if (metric.equals("loss")) {
      double sum = 0;
      double weights = 0;
      for (int i = 0; i < ids.size(); i++) {
        float[] p = output.probabilities()[i];
        double weight = classWeights[labelIds[i]];
        double loss = 0;
        for (int c = 0; c < p.length; c++) {
          double target = (c == labelIds[i] ? 1 - smoothing : 0) + smoothing / p.length;
          loss -= target * Math.log(Math.max(p[c], 1e-30));
        }
        sum += weight * loss;
        weights += weight;
      }
      return sum / weights;
    }
    int[] predicted = ClassifierInference.argMax(output.probabilities());
    List<String> gold = new ArrayList<>();
    List<String> guesses = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      gold.add(labels.get(labelIds[i]));
      guesses.add(labels.get(predicted[i]));
    }
    return ((Number) Evaluation.metrics(ClassificationReport.of(gold, guesses)).get(metric)).doubleValue();
  }
}
