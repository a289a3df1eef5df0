package io.seqpipe.pipelines.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.subword.Subwords;
import io.seqpipe.nlp.vocab.Vocabulary;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelHandle;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.model.SubwordUnits;
import io.seqpipe.pipelines.model.TextAnalysis;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained text classifier, ready to predict: from a training run or loaded from a model directory.
 * Close it to free the engine's memory.
 *
 * <pre>{@code
 * try (Classifier classifier = Classifier.load(Path.of("runs/sentiment/model"), ModelOptions.DEFAULT)) {
 *   for (Prediction p : classifier.predict(List.of("Great phone.", "Broke after a day."))) {
 *     System.out.println(p.label() + "\t" + p.probability());
 *   }
 * }
 * }</pre>
 */
public final class Classifier implements TrainedModel {
  /** Texts a batch job ({@code seqpipe predict}, {@code seqpipe spark predict}) reads and predicts together. */
  public static final int DEFAULT_WINDOW = 512;

  static final String CONFIG = "classifier.json";
  static final String VOCABULARY = "vocabulary.txt";
  static final String SUBWORDS = "subword";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelHandle handle;
  private final ClassifierConfig config;
  private final Vocabulary vocabulary;
  private final Path resources;
  private final TextAnalysis analysis;

  /**
   * @param resources the directory the analyzer's files are relative to
   */
  Classifier(ModelHandle handle, ClassifierConfig config, Vocabulary vocabulary, Subwords subwords, Path resources) {
    this.handle = handle;
    this.config = config;
    this.vocabulary = vocabulary;
    this.resources = resources;
    this.analysis = TextAnalysis.of(config.analyzer(), resources, config.maxLength(), subwords);
  }

  /** Loads a model directory with the given engine and device choice. */
  public static Classifier load(Path directory, ModelOptions options) throws IOException {
    return load(ModelArtifact.open(directory), options);
  }

  /** Loads an opened model directory. */
  public static Classifier load(ModelArtifact artifact, ModelOptions options) throws IOException {
    ClassifierConfig config = JSON.readValue(artifact.text(CONFIG), ClassifierConfig.class);
    Vocabulary vocabulary = artifact.vocabulary(VOCABULARY);
    Subwords subwords = SubwordUnits.load(config.subword(), artifact, SUBWORDS);
    ModelHandle handle = ModelHandle.open(artifact, options,
        config.block(TokenEmbedding.learned(vocabulary.size(), config.embeddingDimension())),
        ClassifierConfig.INPUT_SHAPES);
    return new Classifier(handle, config, vocabulary, subwords, artifact.directory());
  }

  @Override
  public PipelineKind kind() {
    return PipelineKind.CLASSIFY;
  }

  @Override
  public ModelHandle handle() {
    return handle;
  }

  public List<String> labels() {
    return config.labels();
  }

  public ClassifierConfig config() {
    return config;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Predictions for raw texts, in order. */
  @Override
  public List<Prediction> predict(List<String> texts) {
    return predictTokens(analysis.tokens(texts));
  }

  /** Predictions for raw texts; a classifier takes no search settings. */
  @Override
  public List<Prediction> predict(List<String> texts, Inference inference) {
    if (!inference.isDefault()) {
      throw new IllegalArgumentException("beam, n_best and alpha apply to translation models; this model classifies");
    }
    return predict(texts);
  }

  @Override
  public TextAnalysis analysis() {
    return analysis;
  }

  /** Token ids of analyzed text; an empty text becomes one {@code <unk>}. */
  static int[] ids(List<String> tokens, Vocabulary vocabulary) {
    return tokens.isEmpty() ? new int[] {Vocabulary.UNK_ID} : vocabulary.encode(tokens);
  }

  /** Predictions for analyzed texts, in order. */
  List<Prediction> predictTokens(List<List<String>> tokens) {
    List<int[]> ids = tokens.stream().map(t -> ids(t, vocabulary)).toList();
    handle.prepareInferenceThread();
    ClassifierInference.Output output = ClassifierInference.run(handle.block(), handle.manager(), ids);
    int[] best = ClassifierInference.argMax(output.probabilities());
    List<Prediction> predictions = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Map<String, Double> probabilities = new LinkedHashMap<>();
      for (int c = 0; c < config.labels().size(); c++) {
        probabilities.put(config.labels().get(c), (double) output.probabilities()[i][c]);
      }
      List<Double> attention = new ArrayList<>();
      if (output.attention() != null && !tokens.get(i).isEmpty()) {
        for (float weight : output.attention()[i]) {
          attention.add((double) weight);
        }
      }
      predictions.add(new Prediction(config.labels().get(best[i]), output.probabilities()[i][best[i]], probabilities,
          tokens.get(i), attention));
    }
    return predictions;
  }

  /**
   * Writes the model directory atomically: parameters, vocabulary, {@code classifier.json}, the files
   * the analyzer reads, the resolved spec and a manifest holding the engine and {@code fields}.
   */
  @Override
  public Path save(Path directory, String specText, Map<String, Object> fields) throws IOException {
    return handle.save(directory, kind().id(), fields, writer -> {
      AnalyzerSpec analyzer = writer.analyzerResources(config.analyzer(), resources);
      SubwordUnits.save(analysis.subwords(), writer, SUBWORDS);
      writer.vocabulary(VOCABULARY, vocabulary)
          .text(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config.withAnalyzer(analyzer)))
          .text(SPEC, specText);
    });
  }
}
