package io.seqpipe.pipelines.translate;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.train.TrainingLoop;
import io.seqpipe.models.train.TrainingState;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.align.Lexicon;
import io.seqpipe.nlp.align.LexiconLearner;
import io.seqpipe.nlp.data.LengthFilter;
import io.seqpipe.nlp.data.ParallelCorpus;
import io.seqpipe.nlp.data.ParallelExample;
import io.seqpipe.nlp.data.Shuffling;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.metrics.Bleu;
import io.seqpipe.nlp.metrics.BleuScore;
import io.seqpipe.nlp.metrics.ChrF;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.nlp.vocab.VocabularyBuilder;
import io.seqpipe.nlp.subword.Subwords;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.model.SubwordUnits;
import io.seqpipe.pipelines.run.RunReport;
import io.seqpipe.pipelines.run.Task;
import io.seqpipe.pipelines.run.TaskReport;
import io.seqpipe.seq2seq.search.SearchSettings;
import io.seqpipe.seq2seq.train.SequenceLoss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code translate} kind of pipeline: parallel files (a test set carved out of train when the spec
 * gives a split) analyzed and filtered by length into source and target vocabularies, an
 * encoder-decoder trained with teacher forcing and label smoothing (beside it, a word-translation table of the
 * training pairs for {@code <unk>} replacement, {@link LexiconLearner}), early stopping on dev BLEU of greedy
 * search, and BLEU and chrF on test with the spec's search and with greedy search ({@code test.src},
 * {@code test.hyp}, {@code test.greedy.hyp}, {@code test.ref}), the share of test tokens unseen in
 * training, sample translations and attention heat maps.
 *
 * <pre>{@code
 * try (RunResult<?> result = RunDriver.run(pipeline, Path.of("runs/ding"), true)) {
 *   TranslateReport report = (TranslateReport) result.report().task();
 * }
 * }</pre>
 */
public final class TranslateTask implements Task<Translator> {
  private static final Logger LOG = LoggerFactory.getLogger(TranslateTask.class);
  /** Rounds of expectation maximization for the word-translation table. */
  private static final int LEXICON_ITERATIONS = 5;
  /**
   * The training pairs the word-translation table learns from, the first ones: its memory grows with the distinct
   * word pairs that share a sentence pair (0.7 million on Ding's 16k pairs), and large corpora, with few
   * {@code <unk>} to replace, would pay gigabytes for little.
   */
  private static final int LEXICON_PAIRS = 100_000;
  /** Test sentences shown with their translations in the reports. */
  private static final int SAMPLES = 10;

  private final LoadedPipeline pipeline;
  private final TranslateSpec spec;
  private final Map<String, Path> files;
  private final List<ParallelExample> devPairs;
  private final List<ParallelExample> testPairs;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final List<int[]> sourceIds;
  private final List<int[]> targetIds;
  private final Subwords sourceSubwords;
  private final Subwords targetSubwords;
  private final Lexicon lexicon;
  /** The share of test tokens unseen in the training pairs, or null without test pairs. */
  private final TranslateReport.Unseen unseenTestTokens;
  private List<TranslationPage.Sample> samples = List.of();
  private TranslateReport.Metrics testMetrics;

  private TranslateTask(LoadedPipeline pipeline, TranslateSpec spec) throws IOException {
    this.pipeline = pipeline;
    this.spec = spec;
    DataSpec data = spec.data();
    files = new TreeMap<>();
    List<ParallelExample> trainPairs = read(data.train(), "train");
    devPairs = read(data.dev(), "dev");
    List<ParallelExample> test = List.of();
    if (data.test() != null) {
      test = read(data.test(), "test");
    } else if (data.testSplit() > 0) {
      List<ParallelExample> shuffled = Shuffling.shuffled(trainPairs, data.splitSeed(spec.train().seed()));
      int held = (int) Math.round(shuffled.size() * data.testSplit());
      test = List.copyOf(shuffled.subList(0, held));
      trainPairs = List.copyOf(shuffled.subList(held, shuffled.size()));
    }
    testPairs = test;
    TranslatorConfig config = TranslatorConfig.of(spec);
    TokenLists words = TokenLists.of(trainPairs, config.analyzer(), pipeline.baseDir());
    if (SubwordUnits.joint(spec.subword())) {
      List<List<String>> both = new ArrayList<>(words.sources());
      both.addAll(words.targets());
      sourceSubwords = SubwordUnits.of(spec.subword(), Translator.SOURCE_SUBWORDS, both, pipeline.baseDir());
      targetSubwords = sourceSubwords;
    } else {
      sourceSubwords = SubwordUnits.of(spec.subword(), Translator.SOURCE_SUBWORDS, words.sources(), pipeline.baseDir());
      targetSubwords = SubwordUnits.of(spec.subword(), Translator.TARGET_SUBWORDS, words.targets(), pipeline.baseDir());
    }
    TokenLists tokens = words.split(sourceSubwords, targetSubwords)
        .filter(new LengthFilter(data.minLength(), data.maxLength()));
    VocabularyBuilder sourceBuilder = vocabularyBuilder();
    VocabularyBuilder targetBuilder = spec.vocabulary().shared() ? sourceBuilder : vocabularyBuilder();
    tokens.sources().forEach(sourceBuilder::addAll);
    tokens.targets().forEach(targetBuilder::addAll);
    sourceVocabulary = sourceBuilder.build();
    targetVocabulary = spec.vocabulary().shared() ? sourceVocabulary : targetBuilder.build();
    sourceIds = tokens.sources().stream().map(sourceVocabulary::encode).toList();
    targetIds = tokens.targets().stream().map(targetVocabulary::encode).toList();
    lexicon = config.usesLexicon() ? lexicon(tokens) : Lexicon.EMPTY;
    unseenTestTokens = testPairs.isEmpty() ? null : TokenLists.of(testPairs, config.analyzer(), pipeline.baseDir())
        .split(sourceSubwords, targetSubwords).unseenIn(tokens);
    LOG.info("{} train pairs ({} filtered by length), {} dev, {} test; vocabularies {} / {}{}", sourceIds.size(),
        trainPairs.size() - sourceIds.size(), devPairs.size(), testPairs.size(), sourceVocabulary.size(),
        targetVocabulary.size(), unseenTestTokens == null ? "" : String.format(Locale.ROOT,
            "; test tokens unseen in training %.2f%% / %.2f%%", 100 * unseenTestTokens.source(),
            100 * unseenTestTokens.target()));
  }

  private static Lexicon lexicon(TokenLists tokens) {
    long start = System.nanoTime();
    int pairs = Math.min(tokens.sources().size(), LEXICON_PAIRS);
    Lexicon learned = new LexiconLearner(LEXICON_ITERATIONS).learn(tokens.sources().subList(0, pairs),
        tokens.targets().subList(0, pairs));
    LOG.info("word-translation table for <unk> replacement: {} source tokens from {} pairs, IBM Model 1, {} "
        + "iterations, {} ms", learned.size(), pairs, LEXICON_ITERATIONS, (System.nanoTime() - start) / 1_000_000);
    return learned;
  }

  /** Reads the parallel data, analyzes and filters it, and builds the vocabularies. */
  public static TranslateTask prepare(LoadedPipeline pipeline, TranslateSpec spec) throws IOException {
    return new TranslateTask(pipeline, spec);
  }

  private VocabularyBuilder vocabularyBuilder() {
    return Vocabulary.builder().minFrequency(spec.vocabulary().minFrequency()).maxSize(spec.vocabulary().maxSize());
  }

  @Override
  public Translator newModel(String name, EngineChoice engine, Device device) {
    TranslatorConfig config = TranslatorConfig.of(spec);
    return new Translator(ModelHandle.create(name, engine, device,
        config.block(sourceVocabulary.size(), targetVocabulary.size())), config, sourceVocabulary, targetVocabulary,
        sourceSubwords, targetSubwords, lexicon, pipeline.baseDir());
  }

  @Override
  public Shape[] inputShapes() {
    return TranslatorConfig.INPUT_SHAPES;
  }

  @Override
  public int[] lengths() {
    return targetIds.stream().mapToInt(t -> t.length + 1).toArray();
  }

  @Override
  public TrainingLoop.Batch batch(int[] examples) {
    return TranslationBatch.of(sourceIds, targetIds, examples);
  }

  @Override
  public TrainingLoop.Objective objective() {
    return (predictions, labels) -> SequenceLoss.crossEntropy(predictions.head(), labels.get(0), labels.get(1),
        spec.train().labelSmoothing());
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  /** Dev BLEU of greedy search. */
  @Override
  public double devMetric(Translator model) {
    List<String> sources = devPairs.stream().map(ParallelExample::source).toList();
    List<String> references = devPairs.stream().map(ParallelExample::target).toList();
    return bleu(firsts(model.translations(sources, greedy(model), Translator.DEFAULT_BATCH_TOKENS)), references)
        .score();
  }

  @Override
  public Map<String, Path> dataFiles() {
    return files;
  }

  @Override
  public RunReport.Examples examples() {
    return new RunReport.Examples(sourceIds.size(), devPairs.size(), testPairs.size());
  }

  @Override
  public TaskReport evaluate(Translator model, TrainingState state, boolean test, Path out) throws IOException {
    List<TranslateReport.Sample> sampleFields = null;
    TranslateReport.Metrics metrics = new TranslateReport.Metrics(null, null, null, null, null, null, null, null,
        state.bestMetric());
    if (test && !testPairs.isEmpty()) {
      List<String> sources = testPairs.stream().map(ParallelExample::source).toList();
      List<String> references = testPairs.stream().map(ParallelExample::target).toList();
      List<Translation> translations = model.predict(sources);
      List<String> hypotheses = translations.stream().map(Translation::text).toList();
      List<String> greedyHypotheses = firsts(model.translations(sources, greedy(model), Translator.DEFAULT_BATCH_TOKENS));
      AtomicFiles.writeString(out.resolve("test.src"), String.join("\n", sources) + "\n");
      AtomicFiles.writeString(out.resolve("test.hyp"), String.join("\n", hypotheses) + "\n");
      AtomicFiles.writeString(out.resolve("test.greedy.hyp"), String.join("\n", greedyHypotheses) + "\n");
      AtomicFiles.writeString(out.resolve("test.ref"), String.join("\n", references) + "\n");
      ChrF chrF = ChrF.builder().build();
      BleuScore bleu = bleu(hypotheses, references);
      SearchSettings search = model.config().searchSettings();
      metrics = new TranslateReport.Metrics(bleu.score(), chrF.corpusScore(hypotheses, List.of(references)).score(),
          bleu(greedyHypotheses, references).score(), chrF.corpusScore(greedyHypotheses, List.of(references)).score(),
          new TranslateReport.Search(search.beamSize(), model.config().search().alpha()),
          Bleu.builder().build().signature("1"), chrF.signature("1"), bleu.format(1), state.bestMetric());
      testMetrics = metrics;
      List<TranslationPage.Sample> shown = new ArrayList<>();
      sampleFields = new ArrayList<>();
      for (int i = 0; i < Math.min(SAMPLES, hypotheses.size()); i++) {
        shown.add(new TranslationPage.Sample(sources.get(i), model.tokens(sources.get(i)), references.get(i),
            translations.get(i), greedyHypotheses.get(i)));
        sampleFields.add(new TranslateReport.Sample(sources.get(i), references.get(i), hypotheses.get(i),
            greedyHypotheses.get(i)));
      }
      samples = shown;
    }
    return new TranslateReport(metrics, new TranslateReport.VocabularySizes(sourceVocabulary.size(),
        targetVocabulary.size()), test ? unseenTestTokens : null, parameterCount(model), sampleFields);
  }

  @Override
  public TranslateReport.Metrics testMetrics(Translator model) throws IOException {
    if (testMetrics == null) {
      if (testPairs.isEmpty()) {
        throw new IllegalArgumentException(spec.name() + ": no test data; set data.test or data.test_split");
      }
      throw new IllegalStateException(spec.name() + ": the test set was not evaluated; run() evaluates it");
    }
    return testMetrics;
  }

  @Override
  public Map<String, Object> manifestFields(TaskReport report) {
    return Map.of();
  }

  @Override
  public void writePage(Path out, RunReport report) throws IOException {
    TranslationPage.write(out, report, (TranslateReport) report.task(), samples);
  }

  private static SearchSettings greedy(Translator model) {
    return SearchSettings.greedy(model.config().search().maxRatio());
  }

  private static List<String> firsts(List<List<Translation>> nBest) {
    return nBest.stream().map(n -> n.get(0).text()).toList();
  }

  private static BleuScore bleu(List<String> hypotheses, List<String> references) {
    return Bleu.builder().build().corpusScore(hypotheses, List.of(references));
  }

  private static long parameterCount(Translator model) {
    return model.handle().block().getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size())
        .sum();
  }

  private List<ParallelExample> read(String prefix, String role) throws IOException {
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
