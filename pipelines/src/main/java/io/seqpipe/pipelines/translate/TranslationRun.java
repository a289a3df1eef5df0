package io.seqpipe.pipelines.translate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.train.Checkpoints;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.data.LengthFilter;
import io.seqpipe.nlp.data.ParallelCorpus;
import io.seqpipe.nlp.data.ParallelExample;
import io.seqpipe.nlp.data.Shuffling;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.Bleu;
import io.seqpipe.nlp.metrics.BleuScore;
import io.seqpipe.nlp.metrics.ChrF;
import io.seqpipe.nlp.metrics.ChrFScore;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.nlp.vocab.VocabularyBuilder;
import io.seqpipe.pipelines.report.Reports;
import io.seqpipe.pipelines.spec.Components;
import io.seqpipe.seq2seq.search.SearchSettings;
import io.seqpipe.seq2seq.train.SequenceLoss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code translate} pipeline from spec to trained model and report: read the parallel files (a test
 * set carved out of train when the spec gives a split), analyze, filter by length, build the
 * vocabularies and the encoder-decoder, train with teacher forcing in the shared training loop (early
 * stopping on dev BLEU with greedy decoding), translate the test set with the spec's search, and write
 * {@code model/}, {@code test.hyp}, {@code report.json} (BLEU and chrF with their sacrebleu
 * signatures) and {@code report.html}.
 *
 * <pre>{@code
 * try (TranslationRun.Result result = TranslationRun.run(pipeline, Path.of("runs/ding"), true)) {
 *   System.out.println(result.report().get("metrics"));
 * }
 * }</pre>
 */
public final class TranslationRun {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationRun.class);
  /** Test sentences shown with their translations in the reports. */
  private static final int SAMPLES = 10;

  /** The report as written and the trained translator (close it). */
  public record Result(Map<String, Object> report, Translator translator) implements AutoCloseable {
    @Override
    public void close() {
      translator.close();
    }
  }

  private TranslationRun() {}

  public static Result run(LoadedPipeline pipeline, Path out, boolean evaluateTest) throws IOException {
    long started = System.nanoTime();
    PipelineSpec spec = pipeline.spec();
    TrainSpec train = spec.train();
    DataSpec data = spec.data();
    if (data.train() == null || data.dev() == null) {
      throw new IllegalArgumentException(spec.name() + ": translate pipelines name their train and dev files");
    }
    if (!train.earlyStop().metric().equals("bleu")) {
      throw new IllegalArgumentException(spec.name() + ": translate pipelines stop early on dev bleu for now, not "
          + train.earlyStop().metric());
    }
    Map<String, Path> files = new TreeMap<>();
    List<ParallelExample> trainPairs = read(pipeline, data.train(), "train", files);
    List<ParallelExample> devPairs = read(pipeline, data.dev(), "dev", files);
    List<ParallelExample> testPairs = List.of();
    if (data.test() != null) {
      testPairs = read(pipeline, data.test(), "test", files);
    } else if (data.testSplit() > 0) {
      List<ParallelExample> shuffled = Shuffling.shuffled(trainPairs, train.seed());
      int held = (int) Math.round(shuffled.size() * data.testSplit());
      testPairs = List.copyOf(shuffled.subList(0, held));
      trainPairs = List.copyOf(shuffled.subList(held, shuffled.size()));
    }

    TranslatorConfig config = TranslatorConfig.of(pipeline);
    TokenLists tokens = TokenLists.of(trainPairs, config, new LengthFilter(data.minLength(), data.maxLength()));
    VocabularyBuilder sourceBuilder = Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency())
        .maxSize(spec.vocabulary().maxSize());
    VocabularyBuilder targetBuilder = spec.vocabulary().shared() ? sourceBuilder
        : Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency()).maxSize(spec.vocabulary().maxSize());
    tokens.sources().forEach(sourceBuilder::addAll);
    tokens.targets().forEach(targetBuilder::addAll);
    Vocabulary sourceVocabulary = sourceBuilder.build();
    Vocabulary targetVocabulary = spec.vocabulary().shared() ? sourceVocabulary : targetBuilder.build();
    List<int[]> sourceIds = tokens.sources().stream().map(sourceVocabulary::encode).toList();
    List<int[]> targetIds = tokens.targets().stream().map(targetVocabulary::encode).toList();
    LOG.info("{} train pairs ({} filtered by length), {} dev, {} test; vocabularies {} / {}", sourceIds.size(),
        trainPairs.size() - sourceIds.size(), devPairs.size(), testPairs.size(), sourceVocabulary.size(),
        targetVocabulary.size());

    EngineChoice engine = EngineChoice.fromId(train.engine());
    Device device = DeviceChoice.parse(train.device()).resolve(engine.engine());
    engine.engine().setRandomSeed((int) train.seed());
    Model model = Model.newInstance(spec.name(), device, engine.djlName());
    try {
      model.setBlock(config.block(sourceVocabulary.size(), targetVocabulary.size()));
      Translator translator = new Translator(model, config, sourceVocabulary, targetVocabulary, engine.id());
      List<String> devSources = devPairs.stream().map(ParallelExample::source).toList();
      List<String> devReferences = devPairs.stream().map(ParallelExample::target).toList();
      SearchSettings greedy = SearchSettings.greedy(config.search().maxRatio());
      TrainingState state = train(model, train, out, sourceIds, targetIds,
          trainer -> bleu(translator.translate(devSources, greedy).stream().map(n -> n.get(0)).toList(), devReferences)
              .score());
      Map<String, Object> metrics = new LinkedHashMap<>();
      Map<String, Object> report = new LinkedHashMap<>();
      List<TranslationPage.Sample> samples = new ArrayList<>();
      if (evaluateTest && !testPairs.isEmpty()) {
        List<String> sources = testPairs.stream().map(ParallelExample::source).toList();
        List<String> references = testPairs.stream().map(ParallelExample::target).toList();
        List<Translation> translations = translator.translations(sources, config.searchSettings(),
            Translator.DEFAULT_BATCH_TOKENS).stream().map(nBest -> nBest.get(0)).toList();
        List<String> hypotheses = translations.stream().map(Translation::text).toList();
        List<String> greedyHypotheses = translator.translate(sources, greedy).stream().map(n -> n.get(0)).toList();
        AtomicFiles.writeString(out.resolve("test.hyp"), String.join("\n", hypotheses) + "\n");
        AtomicFiles.writeString(out.resolve("test.greedy.hyp"), String.join("\n", greedyHypotheses) + "\n");
        AtomicFiles.writeString(out.resolve("test.ref"), String.join("\n", references) + "\n");
        ChrF chrF = ChrF.builder().build();
        BleuScore bleu = bleu(hypotheses, references);
        metrics.put("bleu", bleu.score());
        metrics.put("chrf", chrF.corpusScore(hypotheses, List.of(references)).score());
        metrics.put("bleu_greedy", bleu(greedyHypotheses, references).score());
        metrics.put("chrf_greedy", chrF.corpusScore(greedyHypotheses, List.of(references)).score());
        metrics.put("search", Map.of("beam", config.searchSettings().beamSize(), "alpha", config.search().alpha()));
        metrics.put("bleu_signature", Bleu.builder().build().signature("1"));
        metrics.put("chrf_signature", chrF.signature("1"));
        metrics.put("bleu_verbose", bleu.format(1));
        List<Map<String, String>> sampleFields = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, hypotheses.size()); i++) {
          samples.add(new TranslationPage.Sample(sources.get(i), translator.tokens(sources.get(i)), references.get(i),
              translations.get(i), greedyHypotheses.get(i)));
          sampleFields.add(Map.of("source", sources.get(i), "reference", references.get(i), "hypothesis",
              hypotheses.get(i), "greedy", greedyHypotheses.get(i)));
        }
        report.put("samples", sampleFields);
      }
      metrics.put("dev_bleu_greedy", state.bestMetric());
      report.put("pipeline", spec.name());
      report.put("kind", spec.kind().id());
      report.put("metrics", metrics);
      report.put("engine", engine.id());
      report.put("device", device.toString());
      report.put("seed", train.seed());
      report.put("data", Reports.dataHashes(files));
      report.put("examples", Map.of("train", sourceIds.size(), "dev", devPairs.size(), "test", testPairs.size()));
      report.put("vocabulary_size", Map.of("source", sourceVocabulary.size(), "target", targetVocabulary.size()));
      report.put("parameters", parameterCount(model));
      report.put("training", state);
      String specText = DslWriter.write(spec);
      Path modelDir = translator.save(out.resolve("model"), specText, Map.of("pipeline", spec.name(),
          "data", report.get("data"), "metrics", metrics, "seed", train.seed()));
      report.put("model", modelDir.toString());
      report.put("seconds", (System.nanoTime() - started) / 1e9);
      report.put("spec", specText);
      AtomicFiles.writeString(out.resolve("report.json"), Reports.JSON.writeValueAsString(report));
      TranslationPage.write(out, report, state, samples);
      return new Result(report, translator);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static TrainingState train(Model model, TrainSpec train, Path out, List<int[]> sources, List<int[]> targets,
      ToDoubleFunction<Trainer> devMetric) throws IOException {
    LearningRateSchedule schedule = Components.schedule(train);
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Components.optimizer(train, schedule)).optDevices(new Device[] {model.getNDManager().getDevice()});
    try (Trainer trainer = model.newTrainer(trainingConfig)) {
      trainer.initialize(new Shape(2, 4), new Shape(2), new Shape(2, 3));
      Batcher batcher = (train.batchTokens() > 0 ? Batcher.byTokens(train.batchTokens())
          : Batcher.bySentences(train.batchSize())).bucketed(true);
      int[] lengths = targets.stream().mapToInt(t -> t.length + 1).toArray();
      TrainingLoop loop = new TrainingLoop(new TrainingLoop.Settings(train.epochs(), (float) train.clip(),
          train.earlyStop().patience(), true), new Checkpoints(out.resolve("checkpoints")));
      return loop.run(trainer,
          epoch -> batcher.batches(lengths, train.seed() + epoch).stream()
              .map(indices -> TranslationBatch.of(sources, targets, indices)).toList(),
          (predictions, labels) -> SequenceLoss.crossEntropy(predictions.head(), labels.get(0), labels.get(1),
              train.labelSmoothing()),
          devMetric, schedule);
    }
  }

  private static BleuScore bleu(List<String> hypotheses, List<String> references) {
    return Bleu.builder().build().corpusScore(hypotheses, List.of(references));
  }

  private static long parameterCount(Model model) {
    return model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
  }

  private static List<ParallelExample> read(LoadedPipeline pipeline, String prefix, String role, Map<String, Path> files)
      throws IOException {
    PipelineSpec spec = pipeline.spec();
    ParallelCorpus corpus = ParallelCorpus.of(pipeline.resolve(prefix), spec.source(), spec.target());
    files.put(role + "." + spec.source(), corpus.sourceFile());
    files.put(role + "." + spec.target(), corpus.targetFile());
    List<ParallelExample> pairs = corpus.read();
    if (pairs.isEmpty()) {
      throw new InputFormatException(corpus.sourceFile(), "expected sentence pairs, found none");
    }
    return pairs;
  }
}
