package io.seqpipe.pipelines.classify;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.PretrainedMatrix;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.models.nn.TextClassifier;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.models.train.Checkpoints;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.embeddings.EmbeddingFormat;
import io.seqpipe.nlp.embeddings.EmbeddingReader;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.ClassificationReport;
import io.seqpipe.nlp.metrics.LabelScores;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.nlp.vocab.VocabularyBuilder;
import io.seqpipe.pipelines.spec.Components;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code classify} pipeline from spec to report: read and split the data, analyze, build the
 * vocabulary, embeddings and model, train with early stopping, evaluate on dev and test, and write
 * {@code report.json} into the output directory (with the checkpoints beside it).
 *
 * <pre>{@code
 * LoadedPipeline pipeline = PipelineFiles.load(Path.of("examples/sentiment.pipe"), List.of(), RegisteredNames.INSTANCE);
 * Map<String, Object> report = ClassificationRun.run(pipeline, Path.of("runs/sentiment"));
 * }</pre>
 */
public final class ClassificationRun {
  private static final Logger LOG = LoggerFactory.getLogger(ClassificationRun.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int EVALUATION_BATCH = 64;

  private final PipelineSpec spec;
  private final Tokenizer tokenizer;
  private final int maxLength;

  private ClassificationRun(LoadedPipeline pipeline) {
    this.spec = pipeline.spec();
    this.tokenizer = Tokenizer.of(Analyzers.create(Components.analyzer(spec.analyzer()), pipeline.baseDir()));
    this.maxLength = spec.data().maxLength();
  }

  /** Trains and evaluates; returns the report also written to {@code out/report.json}. */
  public static Map<String, Object> run(LoadedPipeline pipeline, Path out) throws IOException {
    return new ClassificationRun(pipeline).execute(pipeline, out);
  }

  private Map<String, Object> execute(LoadedPipeline pipeline, Path out) throws IOException {
    long started = System.nanoTime();
    TrainSpec train = spec.train();
    ClassificationData data = ClassificationData.load(pipeline, train.seed());
    List<List<String>> trainTokens = analyze(data.train());
    VocabularyBuilder builder = Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency())
        .maxSize(spec.vocabulary().maxSize());
    trainTokens.forEach(builder::addAll);
    Vocabulary vocabulary = builder.build();
    List<String> labels = new ArrayList<>(new TreeSet<>(data.train().stream().map(ClassificationExample::label).toList()));
    Encoded trainSet = encode(data.train(), trainTokens, vocabulary, labels, data.files().get("train"));
    Encoded devSet = encode(data.dev(), analyze(data.dev()), vocabulary, labels, data.files().get("dev"));
    Encoded testSet = data.test().isEmpty() ? null
        : encode(data.test(), analyze(data.test()), vocabulary, labels, data.files().getOrDefault("test", data.files().get("train")));
    LOG.info("{} train, {} dev, {} test examples; vocabulary {}; labels {}", trainSet.size(), devSet.size(),
        testSet == null ? 0 : testSet.size(), vocabulary.size(), labels);

    Map<String, Object> report = new LinkedHashMap<>();
    EngineChoice engine = EngineChoice.fromId(train.engine());
    Device device = DeviceChoice.parse(train.device()).resolve(engine.engine());
    engine.engine().setRandomSeed((int) train.seed());
    TextClassifier classifier = classifier(pipeline, vocabulary, labels.size(), report);
    LearningRateSchedule schedule = Components.schedule(train);
    String metric = train.earlyStop().metric();
    TrainingState state;
    Map<String, Object> metrics = new LinkedHashMap<>();
    try (Model model = Model.newInstance(spec.name(), device, engine.djlName())) {
      model.setBlock(classifier);
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Components.optimizer(train, schedule)).optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(2, 4), new Shape(2));
        Batcher batcher = train.batchTokens() > 0 ? Batcher.byTokens(train.batchTokens()) : Batcher.bySentences(train.batchSize());
        batcher = batcher.bucketed(true);
        final Batcher batches = batcher;
        TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(train.epochs(), (float) train.clip(),
            train.earlyStop().patience(), !metric.equals("loss")), new Checkpoints(out.resolve("checkpoints")));
        double smoothing = train.labelSmoothing();
        state = loop.run(trainer,
            epoch -> batches.batches(trainSet.lengths(), train.seed() + epoch).stream()
                .map(indices -> ClassificationBatch.of(trainSet.ids(), indices, trainSet.labels(), labels.size())).toList(),
            (predictions, target) -> crossEntropy(predictions.head(), target.head(), smoothing),
            t -> devMetric(t, devSet, labels, metric, smoothing), schedule);
        metrics.put("dev", scores(predict(trainer, devSet), devSet, labels));
        if (testSet != null) {
          metrics.put("test", scores(predict(trainer, testSet), testSet, labels));
        }
      }
    }
    report.put("pipeline", spec.name());
    report.put("kind", spec.kind().id());
    report.put("metrics", metrics);
    report.put("early_stop_metric", metric);
    report.put("engine", engine.id());
    report.put("device", device.toString());
    report.put("seed", train.seed());
    report.put("data", Reports.dataHashes(data.files()));
    report.put("examples", Map.of("train", trainSet.size(), "dev", devSet.size(), "test", testSet == null ? 0 : testSet.size()));
    report.put("vocabulary_size", vocabulary.size());
    report.put("labels", labels);
    report.put("training", state);
    report.put("seconds", (System.nanoTime() - started) / 1e9);
    report.put("spec", DslWriter.write(spec));
    AtomicFiles.writeString(out.resolve("report.json"), JSON.writeValueAsString(report));
    return report;
  }

  private TextClassifier classifier(LoadedPipeline pipeline, Vocabulary vocabulary, int classes,
      Map<String, Object> report) throws IOException {
    TokenEmbedding embedding;
    if (spec.embeddings().isPretrained()) {
      Path file = pipeline.resolve(spec.embeddings().file());
      PretrainedMatrix matrix = PretrainedMatrix.of(vocabulary,
          EmbeddingReader.read(file, EmbeddingFormat.fromId(spec.embeddings().type()), vocabulary), spec.train().seed());
      LOG.info("embeddings {}: {}", file, matrix.coverage());
      report.put("embeddings_coverage", matrix.coverage().ratio());
      embedding = TokenEmbedding.pretrained(matrix, spec.embeddings().frozen());
    } else {
      embedding = TokenEmbedding.learned(vocabulary.size(), spec.embeddings().dimension());
    }
    EncoderSpec e = spec.encoder();
    RecurrentEncoder encoder = new RecurrentEncoder(CellType.fromId(e.cell()), e.hidden(), e.layers(), e.bidirectional(),
        e.dropout(), e.residual());
    return new TextClassifier(embedding, encoder, spec.pooling(), e.dropout(), classes);
  }

  private List<List<String>> analyze(List<ClassificationExample> examples) {
    return examples.parallelStream().map(example -> {
      List<String> tokens = tokenizer.tokens(example.text());
      return tokens.size() > maxLength ? tokens.subList(0, maxLength) : tokens;
    }).toList();
  }

  /** Texts as ids (an empty text becomes one {@code <unk>}), labels as indices into {@code labels}. */
  private static Encoded encode(List<ClassificationExample> examples, List<List<String>> tokens, Vocabulary vocabulary,
      List<String> labels, Path file) {
    List<int[]> ids = new ArrayList<>(examples.size());
    int[] lengths = new int[examples.size()];
    int[] labelIds = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      int[] encoded = tokens.get(i).isEmpty() ? new int[] {Vocabulary.UNK_ID} : vocabulary.encode(tokens.get(i));
      ids.add(encoded);
      lengths[i] = encoded.length;
      labelIds[i] = labels.indexOf(examples.get(i).label());
      if (labelIds[i] < 0) {
        throw new InputFormatException(file, examples.get(i).line(), 1,
            "label '" + examples.get(i).label() + "' does not occur in the training data " + labels);
      }
    }
    return new Encoded(ids, lengths, labelIds);
  }

  private record Encoded(List<int[]> ids, int[] lengths, int[] labels) {
    int size() {
      return lengths.length;
    }
  }

  /** Mean cross-entropy of logits against one-hot targets, with label smoothing. */
  private static NDArray crossEntropy(NDArray logits, NDArray oneHot, double smoothing) {
    NDArray target = oneHot;
    if (smoothing > 0) {
      long classes = oneHot.getShape().get(1);
      target = oneHot.mul((float) (1 - smoothing)).add((float) (smoothing / classes));
    }
    return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
  }

  private static int[] predict(Trainer trainer, Encoded set) {
    int[] predicted = new int[set.size()];
    for (int start = 0; start < set.size(); start += EVALUATION_BATCH) {
      int end = Math.min(set.size(), start + EVALUATION_BATCH);
      int[] indices = IntStream.range(start, end).toArray();
      ClassificationBatch batch = ClassificationBatch.of(set.ids(), indices, set.labels(), 1);
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList output = trainer.evaluate(batch.inputs(scope));
        int[] argMax = output.head().argMax(1).toType(DataType.INT32, false).toIntArray();
        System.arraycopy(argMax, 0, predicted, start, argMax.length);
      }
    }
    return predicted;
  }

  private static double devMetric(Trainer trainer, Encoded dev, List<String> labels, String metric, double smoothing) {
    if (metric.equals("loss")) {
      double sum = 0;
      for (int start = 0; start < dev.size(); start += EVALUATION_BATCH) {
        int[] indices = IntStream.range(start, Math.min(dev.size(), start + EVALUATION_BATCH)).toArray();
        ClassificationBatch batch = ClassificationBatch.of(dev.ids(), indices, dev.labels(), labels.size());
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDArray loss = crossEntropy(trainer.evaluate(batch.inputs(scope)).head(), batch.labels(scope).head(), smoothing);
          sum += loss.getFloat() * indices.length;
        }
      }
      return sum / dev.size();
    }
    return (double) scores(predict(trainer, dev), dev, labels).get(metric);
  }

  /** accuracy, f1/precision/recall averages and per-label scores, as the report writes them. */
  private static Map<String, Object> scores(int[] predicted, Encoded set, List<String> labels) {
    List<String> gold = new ArrayList<>();
    List<String> guesses = new ArrayList<>();
    for (int i = 0; i < predicted.length; i++) {
      gold.add(labels.get(set.labels()[i]));
      guesses.add(labels.get(predicted[i]));
    }
    ClassificationReport report = ClassificationReport.of(gold, guesses);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", report.accuracy());
    out.put("f1_macro", report.macro().f1());
    out.put("f1_micro", report.micro().f1());
    out.put("f1_weighted", report.weighted().f1());
    out.put("precision_macro", report.macro().precision());
    out.put("recall_macro", report.macro().recall());
    Map<String, Object> perLabel = new LinkedHashMap<>();
    for (LabelScores scores : report.perLabel()) {
      perLabel.put(scores.label(), Map.of("precision", scores.precision(), "recall", scores.recall(),
          "f1", scores.f1(), "support", scores.support()));
    }
    out.put("per_label", perLabel);
    return out;
  }
}
