package io.seqpipe.pipelines.classify;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.PretrainedMatrix;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.models.train.ClassificationLoss;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.nlp.vocab.VocabularyBuilder;
import io.seqpipe.pipelines.components.Components;
import io.seqpipe.pipelines.datasets.DatasetCache;
import io.seqpipe.pipelines.datasets.DatasetRecipes;
import io.seqpipe.nlp.subword.Subwords;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.model.SubwordUnits;
import io.seqpipe.pipelines.model.TextAnalysis;
import io.seqpipe.pipelines.run.RunReport;
import io.seqpipe.pipelines.run.Task;
import io.seqpipe.pipelines.run.TaskReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code classify} kind of pipeline: labelled texts (files or a dataset recipe, a test set carved
 * out of train when asked) analyzed into a vocabulary, a recurrent classifier trained with a
 * (class-weighted, smoothed) cross-entropy, early stopping on a dev metric, and accuracy and P/R/F1 on
 * dev and test with the most confidently misclassified examples.
 *
 * <pre>{@code
 * try (RunResult<?> result = RunDriver.run(PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), names),
 *     Path.of("runs/sentiment"), true)) {
 *   ClassifyReport report = (ClassifyReport) result.report().task();
 * }
 * }</pre>
 */
public final class ClassifyTask implements Task<Classifier> {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifyTask.class);
  private static final int MISCLASSIFIED_SHOWN = 10;
  /** The test set's labels and the model's, one a line, beside the report (for {@code seqpipe compare}). */
  public static final String TEST_GOLD = "test.gold";
  public static final String TEST_PREDICTED = "test.pred";

  private final LoadedPipeline pipeline;
  private final ClassifySpec spec;
  private final ClassificationData data;
  private final List<String> labels;
  private final Vocabulary vocabulary;
  private final List<List<String>> devTokens;
  private final List<int[]> trainIds;
  private final int[] trainLabels;
  private final List<int[]> devIds;
  private final int[] devLabels;
  private final float[] classWeights;
  private final TokenEmbedding embedding;
  private final Double coverage;
  private final Subwords subwords;
  private Evaluation shown;
  private ClassificationScores testScores;

  private ClassifyTask(LoadedPipeline pipeline, ClassifySpec spec, ClassificationData data) throws IOException {
    this.pipeline = pipeline;
    this.spec = spec;
    this.data = data;
    subwords = learnSubwords(pipeline, spec, data);
    TextAnalysis analysis = TextAnalysis.of(Components.analyzer(spec.analyzer()), pipeline.baseDir(),
        spec.data().maxLength(), subwords);
    labels = new ArrayList<>(new TreeSet<>(data.train().stream().map(ClassificationExample::label).toList()));
    List<List<String>> trainTokens = analysis.tokens(texts(data.train()));
    devTokens = analysis.tokens(texts(data.dev()));
    VocabularyBuilder builder = Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency())
        .maxSize(spec.vocabulary().maxSize());
    trainTokens.forEach(builder::addAll);
    vocabulary = builder.build();
    trainLabels = labelIds(data.train(), data.files().get("train"));
    trainIds = trainTokens.stream().map(t -> Classifier.ids(t, vocabulary)).toList();
    devIds = devTokens.stream().map(t -> Classifier.ids(t, vocabulary)).toList();
    devLabels = labelIds(data.dev(), data.files().get("dev"));
    labelIds(data.test(), data.files().getOrDefault("test", data.files().get("train"))); // known, as dev's, before training
    classWeights = ClassWeights.of(spec.classWeights(), trainLabels, labels.size());
    LOG.info("{} train, {} dev, {} test examples; vocabulary {}; labels {}", data.train().size(), data.dev().size(),
        data.test().size(), vocabulary.size(), labels);
    if (spec.embeddings().isPretrained()) {
      Path file = spec.embeddings().dataset() != null
          ? DatasetCache.standard().files(DatasetRecipes.get(spec.embeddings().dataset())).get("vectors")
          : pipeline.resolve(spec.embeddings().file());
      PretrainedMatrix matrix = PretrainedMatrix.of(vocabulary,
          EmbeddingReader.read(file, EmbeddingFormat.fromId(spec.embeddings().type()), vocabulary), spec.train().seed());
      LOG.info("embeddings {}: {}", file, matrix.coverage());
      embedding = TokenEmbedding.pretrained(matrix, spec.embeddings().frozen());
      coverage = matrix.coverage().ratio();
    } else {
      embedding = TokenEmbedding.learned(vocabulary.size(), spec.embeddings().dimension());
      coverage = null;
    }
  }

  /** Reads the data, analyzes it, and builds the vocabulary and embeddings. */
  public static ClassifyTask prepare(LoadedPipeline pipeline, ClassifySpec spec) throws IOException {
    return new ClassifyTask(pipeline, spec, ClassificationData.load(pipeline, spec));
  }

  @Override
  public Classifier newModel(String name, EngineChoice engine, Device device) {
    ClassifierConfig config = ClassifierConfig.of(spec, embedding.dimension(), labels);
    return new Classifier(ModelHandle.create(name, engine, device, config.block(embedding)), config, vocabulary,
        subwords, pipeline.baseDir());
  }

  @Override
  public Shape[] inputShapes() {
    return ClassifierConfig.INPUT_SHAPES;
  }

  @Override
  public int[] lengths() {
    return trainIds.stream().mapToInt(row -> row.length).toArray();
  }

  @Override
  public TrainingLoop.Batch batch(int[] examples) {
    return ClassificationBatch.of(trainIds, examples, trainLabels, classWeights.length);
  }

  @Override
  public TrainingLoop.Objective objective() {
    return (predictions, target) -> ClassificationLoss.crossEntropy(predictions.head(), target.head(), classWeights,
        spec.train().labelSmoothing());
  }

  @Override
  public boolean higherIsBetter() {
    return !spec.train().earlyStop().metric().equals("loss");
  }

  @Override
  public double devMetric(Classifier model) {
    ClassifierInference.Output output = ClassifierInference.run(model.handle().block(), model.handle().manager(), devIds);
    String metric = spec.train().earlyStop().metric();
    if (metric.equals("loss")) {
      return devLoss(output.probabilities());
    }
    int[] predicted = ClassifierInference.argMax(output.probabilities());
    List<String> gold = new ArrayList<>();
    List<String> guesses = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      gold.add(labels.get(devLabels[i]));
      guesses.add(labels.get(predicted[i]));
    }
    return ClassificationScores.of(ClassificationReport.of(gold, guesses)).get(metric);
  }

  /** The training objective's value on dev, from the predicted probabilities. */
  private double devLoss(float[][] probabilities) {
    double smoothing = spec.train().labelSmoothing();
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < devIds.size(); i++) {
      float[] p = probabilities[i];
      double weight = classWeights[devLabels[i]];
      double loss = 0;
      for (int c = 0; c < p.length; c++) {
        double target = (c == devLabels[i] ? 1 - smoothing : 0) + smoothing / p.length;
        loss -= target * Math.log(Math.max(p[c], 1e-30));
      }
      sum += weight * loss;
      weights += weight;
    }
    return sum / weights;
  }

  @Override
  public Map<String, Path> dataFiles() {
    return data.files();
  }

  @Override
  public RunReport.Examples examples() {
    return new RunReport.Examples(data.train().size(), data.dev().size(), data.test().size());
  }

  @Override
  public TaskReport evaluate(Classifier model, TrainingState state, boolean test, Path out) throws IOException {
    Evaluation dev = Evaluation.of(model, data.dev(), devTokens);
    Evaluation testEvaluation = test && !data.test().isEmpty() ? Evaluation.of(model, data.test()) : null;
    if (testEvaluation != null) {
      testScores = testEvaluation.metrics();
      AtomicFiles.writeString(out.resolve(TEST_GOLD), lines(data.test().stream().map(ClassificationExample::label)));
      AtomicFiles.writeString(out.resolve(TEST_PREDICTED),
          lines(testEvaluation.predictions().stream().map(Prediction::label)));
    }
    shown = testEvaluation != null ? testEvaluation : dev;
    String split = testEvaluation != null ? "test" : "dev";
    return new ClassifyReport(new ClassifyReport.Metrics(dev.metrics(), testScores), spec.train().earlyStop().metric(),
        vocabulary.size(), labels, classWeights,
        new ClassifyReport.Misclassified(split, shown.misclassified(MISCLASSIFIED_SHOWN)), coverage);
  }

  @Override
  public ClassificationScores testMetrics(Classifier model) {
    if (testScores == null) {
      if (data.test().isEmpty()) {
        throw new IllegalArgumentException(spec.name() + ": no test data; set data.test or data.test_split");
      }
      testScores = Evaluation.of(model, data.test()).metrics();
    }
    return testScores;
  }

  @Override
  public Map<String, Object> manifestFields(TaskReport report) {
    return Map.of("fields", Map.of("text", spec.fields().text(), "label", spec.fields().label()));
  }

  @Override
  public void writePage(Path out, RunReport report) throws IOException {
    ClassificationPage.write(out, report, (ClassifyReport) report.task(), shown);
  }

  private static String lines(Stream<String> labels) {
    return labels.map(label -> label + "\n").collect(Collectors.joining());
  }

  /** The spec's subword units, learned from the training texts' whole tokens (or read from the spec's model). */
  private static Subwords learnSubwords(LoadedPipeline pipeline, ClassifySpec spec, ClassificationData data)
      throws IOException {
    if (spec.subword() == null) {
      return Subwords.NONE;
    }
    TextAnalysis tokens = TextAnalysis.of(Components.analyzer(spec.analyzer()), pipeline.baseDir(), Integer.MAX_VALUE,
        Subwords.NONE);
    return SubwordUnits.of(spec.subword(), Classifier.SUBWORDS, tokens.tokens(texts(data.train())), pipeline.baseDir());
  }

  private static List<String> texts(List<ClassificationExample> examples) {
    return examples.stream().map(ClassificationExample::text).toList();
  }

  /** Labels as indices into {@code labels}; a label the training data lacks is an error naming its line. */
  private int[] labelIds(List<ClassificationExample> examples, Path file) {
    int[] ids = new int[examples.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = labels.indexOf(examples.get(i).label());
      if (ids[i] < 0) {
        throw new InputFormatException(file, examples.get(i).line(), 1, "label " + Quote.quoted(examples.get(i).label())
            + " does not occur in the training data " + Quote.of(labels.toString()));
      }
    }
    return ids;
  }
}
