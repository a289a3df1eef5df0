package io.seqpipe.pipelines.translate;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.nlp.analysis.Analyzers;
import io.seqpipe.nlp.analysis.Detokenizer;
import io.seqpipe.nlp.analysis.Tokenizer;
import io.seqpipe.nlp.data.Batcher;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.seq2seq.model.Seq2SeqModel;
import io.seqpipe.seq2seq.search.BeamSearch;
import io.seqpipe.seq2seq.search.GreedySearch;
import io.seqpipe.seq2seq.search.Hypothesis;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained translation model, ready to translate: from a training run or loaded from a model
 * directory. Sentences are analyzed, cut to the longest length kept, searched for in batches of similar
 * length (search results do not depend on the batch), and the output detokenized; an output {@code <unk>}
 * is replaced by the source token it attended to most. Close it to free the engine's memory.
 *
 * <pre>{@code
 * try (Translator translator = Translator.load(Path.of("runs/ding/model"))) {
 *   List<String> english = translator.translate(List.of("Wie spät ist es?"));
 * }
 * }</pre>
 */
public final class Translator implements AutoCloseable {
  static final String CONFIG = "translator.json";
  static final String SOURCE_VOCABULARY = "source-vocabulary.txt";
  static final String TARGET_VOCABULARY = "target-vocabulary.txt";
  static final String SPEC = "spec.pipe";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Padded source tokens per search batch when none are given. */
  public static final int DEFAULT_BATCH_TOKENS = 1500;

  private final Model model;
  private final TranslatorConfig config;
  private final Vocabulary sourceVocabulary;
  private final Vocabulary targetVocabulary;
  private final Tokenizer tokenizer;
  private final String engine;

  Translator(Model model, TranslatorConfig config, Vocabulary sourceVocabulary, Vocabulary targetVocabulary,
      String engine) {
    this.model = model;
    this.config = config;
    this.sourceVocabulary = sourceVocabulary;
    this.targetVocabulary = targetVocabulary;
    this.tokenizer = Tokenizer.of(Analyzers.create(config.analyzer(), Path.of(config.resourceDirectory())));
    this.engine = engine;
  }

  /** Loads a model directory on the engine it was trained with, on a GPU if there is one. */
  public static Translator load(Path directory) throws IOException {
    ModelArtifact artifact = ModelArtifact.open(directory);
    EngineChoice engine = EngineChoice.fromId((String) artifact.manifest().get("engine"));
    TranslatorConfig config = JSON.readValue(artifact.text(CONFIG), TranslatorConfig.class);
    Vocabulary source = artifact.vocabulary(SOURCE_VOCABULARY);
    Vocabulary target = artifact.vocabulary(TARGET_VOCABULARY);
    Device device = DeviceChoice.AUTO.resolve(engine.engine());
    Model model = Model.newInstance(config.name(), device, engine.djlName());
    try {
      Seq2SeqModel block = config.block(source.size(), target.size());
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 4), new Shape(2), new Shape(2, 3));
      artifact.loadParameters(block);
      return new Translator(model, config, source, target, engine.id());
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public TranslatorConfig config() {
    return config;
  }

  /** Source tokens as the model sees them (analyzed, cut to the longest length kept). */
  public List<String> tokens(String sentence) {
    List<String> tokens = tokenizer.tokens(sentence);
    return tokens.size() > config.maxLength() ? tokens.subList(0, config.maxLength()) : tokens;
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
    List<List<String>> tokens = sentences.stream().map(this::tokens).toList();
    // a sentence without tokens is not searched: an empty line stays empty
    List<List<String>> searched = tokens.stream().filter(t -> !t.isEmpty()).toList();
    Iterator<List<Hypothesis>> hypotheses = search(searched, settings, batchTokens).iterator();
    List<List<Translation>> out = new ArrayList<>(sentences.size());
    for (List<String> source : tokens) {
      if (source.isEmpty()) {
        out.add(List.of(new Translation("", List.of(), 0, new float[0][])));
        continue;
      }
      List<Translation> nBest = new ArrayList<>();
      for (Hypothesis hypothesis : hypotheses.next()) {
        List<String> words = words(hypothesis, source);
        nBest.add(new Translation(Detokenizer.DEFAULT.detokenize(words), words, hypothesis.score(),
            hypothesis.attention()));
      }
      out.add(nBest);
    }
    return out;
  }

  /** Search over analyzed sentences, sorted by length and cut into batches of similar length, results in input order. */
  List<List<Hypothesis>> search(List<List<String>> tokens, SearchSettings settings, int batchTokens) {
    List<int[]> ids = tokens.stream().map(sourceVocabulary::encode).toList();
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
    int[] sortedLengths = Arrays.stream(order).mapToInt(i -> ids.get(i).length).toArray();
    List<List<Hypothesis>> results = new ArrayList<>(Collections.nCopies(ids.size(), null));
    Seq2SeqModel block = (Seq2SeqModel) model.getBlock();
    for (int[] positions : Batcher.byTokens(batchTokens).batches(sortedLengths, 0)) {
      List<int[]> batch = Arrays.stream(positions).mapToObj(p -> ids.get(order[p])).toList();
      List<List<Hypothesis>> found = settings.beamSize() == 1
          ? new GreedySearch(settings).search(block, model.getNDManager(), batch).stream().map(List::of).toList()
          : new BeamSearch(settings).search(block, model.getNDManager(), batch);
      for (int i = 0; i < positions.length; i++) {
        results.set(order[positions[i]], found.get(i));
      }
    }
    return results;
  }

  /** The output words; with {@code replace_unk}, {@code <unk>} becomes the most attended source token. */
  private List<String> words(Hypothesis hypothesis, List<String> source) {
    List<String> words = new ArrayList<>(hypothesis.tokens().length);
    for (int t = 0; t < hypothesis.tokens().length; t++) {
      int id = hypothesis.tokens()[t];
      if (id == Vocabulary.UNK_ID && config.search().replaceUnk()) {
        float[] weights = hypothesis.attention()[t];
        int best = 0;
        for (int s = 1; s < Math.min(weights.length, source.size()); s++) {
          best = weights[s] > weights[best] ? s : best;
        }
        words.add(source.get(best));
      } else {
        words.add(targetVocabulary.token(id));
      }
    }
    return words;
  }

  /** Writes the model directory atomically (parameters, vocabularies, translator.json, spec, manifest). */
  public Path save(Path directory, String specText, Map<String, Object> fields) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("kind", "translate");
    manifest.put("engine", engine);
    manifest.putAll(fields);
    return ArtifactWriter.create(directory).parameters(model.getBlock()).vocabulary(SOURCE_VOCABULARY, sourceVocabulary)
        .vocabulary(TARGET_VOCABULARY, targetVocabulary)
        .text(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config)).text(SPEC, specText)
        .commit(manifest);
  }

  @Override
  public void close() {
    model.close();
  }
}
