package io.seqpipe.pipelines.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.align.Lexicon;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.Detokenizer;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.subword.Subwords;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.InferenceThreads;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.model.ModelOutput;
import io.seqpipe.pipelines.model.SubwordUnits;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.TextAnalysis;
import io.seqpipe.pipelines.model.TrainedModel;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import io.seqpipe.seq2seq.search.BeamSearch;
import io.seqpipe.seq2seq.search.EnsembleStep;
import io.seqpipe.seq2seq.search.GreedySearch;
import io.seqpipe.seq2seq.search.Hypothesis;
import io.seqpipe.seq2seq.search.LengthPenalty;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A trained translation model, ready to translate: from a training run or loaded from a model
 * directory. Sentences are analyzed, cut to the longest length kept, searched for in batches of similar
 * length (search results do not depend on the batch), and the output detokenized; an output {@code <unk>}
 * is replaced by the translation of the source token it attended to most in the word-translation table learned
 * from the training pairs ({@link Lexicon}), or by that token itself where the table has none or the search
 * asks for copies ({@code unk_lexicon: false}). Close it to free the engine's memory.
 *
 * <p>An ensemble ({@link #ensemble}) of models sharing one target vocabulary searches with their
 * averaged probabilities ({@link EnsembleStep}): each member analyzes and encodes the sentence its own
 * way (analyzer, subword units, source vocabulary); the first member's analysis, configuration, search,
 * attention ({@code <unk>} replacement) and target side serve the rest.
 *
 * <pre>{@code
 * try (Translator translator = Translator.load(Path.of("runs/ding/model"), ModelOptions.DEFAULT)) {
 *   List<String> english = translator.translate(List.of("Wie spät ist es?"));
 * }
 * try (Translator ensemble = Pipelines.loadEnsemble(List.of(Path.of("runs/a/model"), Path.of("runs/b/model")),
 *     ModelOptions.DEFAULT)) {
 *   List<String> english = ensemble.translate(List.of("Wie spät ist es?"));
 * }
 * }</pre>
 */
public final class Translator implements TrainedModel {
  static final String CONFIG = "translator.json";
  static final String SOURCE_VOCABULARY = "source-vocabulary.txt";
  static final String TARGET_VOCABULARY = "target-vocabulary.txt";
  static final String SOURCE_SUBWORDS = "source";
  static final String TARGET_SUBWORDS = "target";
  static final String LEXICON = "lexicon.tsv";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Padded source tokens per search batch when none are given. */
  public static final int DEFAULT_BATCH_TOKENS = 1500;
  /** The widest beam a caller may ask for. */
  public static final int MAX_BEAM = 100;

  private final ModelHandle handle;
  private final TranslatorConfig config;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final Subwords targetSubwords;
  /** Translations of the source tokens an output {@code <unk>} attends to. */
  private final Lexicon lexicon;
  private final Path resources;
  private final TextAnalysis analysis;
  /** The other members of an ensemble this translator leads; empty for one model. */
  private final List<Translator> partners;

  /**
   * @param lexicon the word-translation table ({@link Lexicon#EMPTY} when the configuration uses none)
   * @param resources the directory the analyzer's files are relative to
   */
  Translator(ModelHandle handle, TranslatorConfig config, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
      Subwords sourceSubwords, Subwords targetSubwords, Lexicon lexicon, Path resources) {
    this.handle = handle;
    this.config = config;
    this.sourceVocabulary = sourceVocabulary;
    this.targetVocabulary = targetVocabulary;
    this.targetSubwords = targetSubwords;
    this.lexicon = lexicon;
    this.resources = resources;
    this.analysis = TextAnalysis.of(config.analyzer(), resources, config.maxLength(), sourceSubwords);
    this.partners = List.of();
  }

  private Translator(Translator first, List<Translator> partners) {
    this.handle = first.handle;
    this.config = first.config;
    this.sourceVocabulary = first.sourceVocabulary;
    this.targetVocabulary = first.targetVocabulary;
    this.targetSubwords = first.targetSubwords;
    this.lexicon = first.lexicon;
    this.resources = first.resources;
    this.analysis = first.analysis;
    this.partners = List.copyOf(partners);
  }

  /**
   * An ensemble of loaded translators, which it closes when it is closed; the first leads (see above).
   *
   * @throws IllegalArgumentException one line naming a member whose target vocabulary differs from the
   *     first's
   */
  public static Translator ensemble(List<Translator> members) {
    Translator first = members.get(0);
    for (Translator member : members.subList(1, members.size())) {
      if (!member.targetVocabulary.equals(first.targetVocabulary)) {
        throw new IllegalArgumentException(member.handle.directory() + ": its target vocabulary differs from "
            + first.handle.directory() + "'s (" + difference(member.targetVocabulary, first.targetVocabulary)
            + "): an ensemble needs models with one target vocabulary");
      }
      if (!member.partners.isEmpty()) {
        throw new IllegalArgumentException("an ensemble's members are single models");
      }
    }
    return members.size() == 1 ? first : new Translator(first, members.subList(1, members.size()));
  }

  /** Where two vocabularies part: their sizes and the first id whose tokens differ. */
  private static String difference(Vocabulary mine, Vocabulary theirs) {
    int id = 0;
    while (id < Math.min(mine.size(), theirs.size()) && mine.token(id).equals(theirs.token(id))) {
      id++;
    }
    String sizes = mine.size() + " vs " + theirs.size() + " tokens";
    return id == Math.min(mine.size(), theirs.size()) ? sizes
        : sizes + ", first at id " + id + ": " + Quote.quoted(mine.token(id)) + " vs " + Quote.quoted(theirs.token(id));
  }

  /** The members searched together: this model, then its partners in an ensemble. */
  public int members() {
    return 1 + partners.size();
  }

  /**
   * The SHA-256 of the saved parameters, which model a job ran with; an ensemble's members' joined by
   * {@code +}.
   */
  public String fingerprint() throws IOException {
    List<String> fingerprints = new ArrayList<>();
    fingerprints.add(handle.fingerprint());
    for (Translator partner : partners) {
      fingerprints.add(partner.handle.fingerprint());
    }
    return String.join("+", fingerprints);
  }

  /** Loads a model directory with the given engine and device choice. */
  public static Translator load(Path directory, ModelOptions options) throws IOException {
    return load(ModelArtifact.open(directory), options);
  }

  /** Loads an opened model directory. */
  public static Translator load(ModelArtifact artifact, ModelOptions options) throws IOException {
    TranslatorConfig config = JSON.readValue(artifact.text(CONFIG), TranslatorConfig.class);
    Vocabulary source = artifact.vocabulary(SOURCE_VOCABULARY);
    Vocabulary target = artifact.vocabulary(TARGET_VOCABULARY);
    Subwords sourceSubwords = SubwordUnits.load(config.subword(), artifact, SOURCE_SUBWORDS);
    Subwords targetSubwords = SubwordUnits.load(config.subword(), artifact, TARGET_SUBWORDS);
    Lexicon lexicon = config.usesLexicon() ? Lexicon.read(artifact.file(LEXICON)) : Lexicon.EMPTY;
    ModelHandle handle = ModelHandle.open(artifact, options, config.block(source.size(), target.size()),
        TranslatorConfig.INPUT_SHAPES);
    return new Translator(handle, config, source, target, sourceSubwords, targetSubwords, lexicon,
        artifact.directory());
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.TRANSLATE;
  }

  @Override
  public ModelHandle handle() {
    return handle;
  }

  public TranslatorConfig config() {
    return config;
  }

  /** Source tokens as the model sees them (analyzed, cut to the longest length kept). */
  public List<String> tokens(String sentence) {
    return analysis.tokens(sentence);
  }

  /** The best translation of each sentence with the spec's search, in order. */
  @Override
  public List<Translation> predict(List<String> sentences) {
    return translations(sentences, config.searchSettings(), DEFAULT_BATCH_TOKENS).stream().map(n -> n.get(0)).toList();
  }

  /**
   * Each sentence's best {@link Translation}, or its {@link NBest} list when more than one is asked for,
   * searched with the given beam (default: the spec's search).
   *
   * @throws IllegalArgumentException for a beam outside 1-100 or an n-best list longer than the beam
   */
  @Override
  public List<? extends ModelOutput> predict(List<String> sentences, Inference inference) {
    SearchSettings settings = settings(inference);
    List<List<Translation>> found = translations(sentences, settings, DEFAULT_BATCH_TOKENS);
    return settings.nBest() == 1 ? found.stream().map(n -> n.get(0)).toList()
        : found.stream().map(NBest::new).toList();
  }

  /** The spec's search with a request's beam, n-best list and length penalty. */
  public SearchSettings settings(Inference inference) {
    SearchSettings settings = config.searchSettings();
    if (inference.isDefault()) {
      return settings;
    }
    int beam = inference.beam() != null ? inference.beam() : settings.beamSize();
    int nBest = inference.nBest() != null ? inference.nBest() : 1;
    if (beam < 1 || beam > MAX_BEAM) {
      throw new IllegalArgumentException("beam must be between 1 and " + MAX_BEAM + ", found " + beam);
    }
    if (nBest < 1 || nBest > beam) {
      throw new IllegalArgumentException("n_best must be between 1 and the beam (" + beam + "), found " + nBest);
    }
    if (inference.alpha() != null && !(inference.alpha() >= 0)) {
      throw new IllegalArgumentException("alpha must be a number >= 0, found " + inference.alpha());
    }
    SearchSettings searched = settings.withBeam(beam, nBest);
    return inference.alpha() == null ? searched : searched.withPenalty(new LengthPenalty(inference.alpha()));
  }

  @Override
  public TextAnalysis analysis() {
    return analysis;
  }

  /** Translations with the spec's search, in order. */
  public List<String> translate(List<String> sentences) {
    return translate(sentences, config.searchSettings()).stream().map(n -> n.get(0)).toList();
  }

  /** The n-best translations of each sentence with the given search, best first, in order. */
  public List<List<String>> translate(List<String> sentences, SearchSettings settings) {
    return translations(sentences, settings, DEFAULT_BATCH_TOKENS).stream()
        .map(nBest -> nBest.stream().map(Translation::text).toList()).toList();
  }

  /**
   * The n-best translations of each sentence with their scores, best first, in order, searched in
   * batches of at most {@code batchTokens} padded source tokens. A sentence without tokens translates
   * to one empty translation.
   */
  public List<List<Translation>> translations(List<String> sentences, SearchSettings settings, int batchTokens) {
    return translations(sentences, settings, batchTokens, 1);
  }

  /**
   * {@link #translations(List, SearchSettings, int)}, searching up to {@code threads} batches side by side
   * ({@link InferenceThreads}: the same translations, each thread on its share of the engine's threads; one
   * batch at a time on MXNet).
   */
  public List<List<Translation>> translations(List<String> sentences, SearchSettings settings, int batchTokens,
      int threads) {
    List<List<String>> tokens = analysis.tokens(sentences);
    // a sentence without tokens is not searched: an empty line stays empty
    List<String> searched = new ArrayList<>();
    List<int[]> ids = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      if (!tokens.get(i).isEmpty()) {
        searched.add(sentences.get(i));
        ids.add(sourceVocabulary.encode(tokens.get(i)));
      }
    }
    List<List<int[]>> memberIds = new ArrayList<>();
    memberIds.add(ids);
    for (Translator partner : partners) {
      memberIds.add(partner.sourceIds(searched));
    }
    Iterator<List<Hypothesis>> hypotheses = search(memberIds, settings, batchTokens, threads).iterator();
    List<List<Translation>> out = new ArrayList<>(sentences.size());
    for (List<String> source : tokens) {
      if (source.isEmpty()) {
        out.add(List.of(new Translation("", List.of(), 0, new float[0][])));
        continue;
      }
      List<Translation> nBest = new ArrayList<>();
      for (Hypothesis hypothesis : hypotheses.next()) {
        List<String> pieces = pieces(hypothesis, source);
        nBest.add(new Translation(Detokenizer.DEFAULT.detokenize(targetSubwords.join(pieces)), pieces,
            hypothesis.score(), hypothesis.attention()));
      }
      out.add(nBest);
    }
    return out;
  }

  /**
   * Sentences as this model's source ids; one this model's analysis leaves without tokens (another
   * member's did not) is read as {@code <unk>}.
   */
  private List<int[]> sourceIds(List<String> sentences) {
    return analysis.tokens(sentences).stream()
        .map(tokens -> tokens.isEmpty() ? new int[] {Vocabulary.UNK_ID} : sourceVocabulary.encode(tokens)).toList();
  }

  /**
   * Search over sentences as each member's source ids, sorted by the first member's lengths and cut into
   * batches of similar length, results in input order.
   */
  private List<List<Hypothesis>> search(List<List<int[]>> memberIds, SearchSettings settings, int batchTokens,
      int threads) {
    List<int[]> ids = memberIds.get(0);
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
    int[] sortedLengths = Arrays.stream(order).mapToInt(i -> ids.get(i).length).toArray();
    List<int[]> batches = Batcher.byTokens(batchTokens).batches(sortedLengths, 0);
    List<Seq2SeqModel> blocks = new ArrayList<>();
    blocks.add((Seq2SeqModel) handle.block());
    partners.forEach(partner -> blocks.add((Seq2SeqModel) partner.handle.block()));
    EnsembleStep models = EnsembleStep.of(blocks);
    List<Hypothesis>[] results = newResults(ids.size());
    InferenceThreads.run(handle, threads, batches.size(), b -> {
      int[] positions = batches.get(b);
      List<List<int[]>> batch = memberIds.stream()
          .map(member -> Arrays.stream(positions).mapToObj(p -> member.get(order[p])).toList()).toList();
      List<List<Hypothesis>> found = settings.beamSize() == 1
          ? new GreedySearch(settings).search(models, handle.manager(), batch).stream().map(List::of).toList()
          : new BeamSearch(settings).search(models, handle.manager(), batch);
      for (int i = 0; i < positions.length; i++) {
        results[order[positions[i]]] = found.get(i);
      }
    });
    return Arrays.asList(results);
  }

  @SuppressWarnings("unchecked")
  private static List<Hypothesis>[] newResults(int size) {
    return (List<Hypothesis>[]) new List<?>[size];
  }

  /** Frees the engine's memory of this model and of an ensemble's other members. */
  @Override
  public void close() {
    handle.close();
    partners.forEach(Translator::close);
  }

  /**
   * The output words; with {@code replace_unk}, {@code <unk>} becomes the lexicon's translation of the most
   * attended source token, or that token.
   */
  private List<String> pieces(Hypothesis hypothesis, List<String> source) {
    List<String> words = new ArrayList<>(hypothesis.tokens().length);
    for (int t = 0; t < hypothesis.tokens().length; t++) {
      int id = hypothesis.tokens()[t];
      if (id == Vocabulary.UNK_ID && config.search().replaceUnk()) {
        float[] weights = hypothesis.attention()[t];
        int best = 0;
        for (int s = 1; s < Math.min(weights.length, source.size()); s++) {
          best = weights[s] > weights[best] ? s : best;
        }
        words.add(lexicon.translate(source.get(best)));
      } else {
        words.add(targetVocabulary.token(id));
      }
    }
    return words;
  }

  /**
   * Writes the model directory atomically: parameters, vocabularies, {@code translator.json}, the files
   * the analyzer reads, the resolved spec and a manifest holding the engine and {@code fields}.
   */
  @Override
  public Path save(Path directory, String specText, Map<String, Object> fields) throws IOException {
    if (!partners.isEmpty()) {
      throw new IllegalStateException("an ensemble is not saved as one model; seqpipe average makes one model of"
          + " models of one architecture");
    }
    return handle.save(directory, kind().id(), fields, writer -> {
      AnalyzerSpec analyzer = writer.analyzerResources(config.analyzer(), resources);
      SubwordUnits.save(analysis.subwords(), writer, SOURCE_SUBWORDS);
      SubwordUnits.save(targetSubwords, writer, TARGET_SUBWORDS);
      if (config.usesLexicon()) {
        writer.text(LEXICON, lexicon.text());
      }
      writer.vocabulary(SOURCE_VOCABULARY, sourceVocabulary).vocabulary(TARGET_VOCABULARY, targetVocabulary)
          .text(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config.withAnalyzer(analyzer)))
          .text(SPEC, specText);
    });
  }
}
