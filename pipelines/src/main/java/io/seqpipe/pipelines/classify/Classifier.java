package io.seqpipe.pipelines.classify;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.engine.DeviceChoice;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.models.nn.TextClassifier;
import io.seqpipe.models.nn.TokenEmbedding;
import io.seqpipe.nlp.vocab.Vocabulary;
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
 * try (Classifier classifier = Classifier.load(Path.of("runs/sentiment/model"))) {
 *   for (Prediction p : classifier.predict(List.of("Great phone.", "Broke after a day."))) {
 *     System.out.println(p.label() + "\t" + p.probability());
 *   }
 * }
 * }</pre>
 */
public final class Classifier implements AutoCloseable {
  static final String CONFIG = "classifier.json";
  static final String VOCABULARY = "vocabulary.txt";
  static final String SPEC = "spec.pipe";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Model model;
  private final ClassifierConfig config;
  private final Vocabulary vocabulary;
  private final TextAnalysis analysis;
  private final String engine;
  private final Map<String, Object> manifest;

  Classifier(Model model, ClassifierConfig config, Vocabulary vocabulary, String engine, Map<String, Object> manifest) {
    this.model = model;
    this.config = config;
    this.vocabulary = vocabulary;
    this.analysis = TextAnalysis.of(config);
    this.engine = engine;
    this.manifest = manifest;
  }

  /** Loads a model directory on the engine it was trained with, on a GPU if there is one. */
  public static Classifier load(Path directory) throws IOException {
    ModelArtifact artifact = ModelArtifact.open(directory);
    return load(artifact, EngineChoice.fromId((String) artifact.manifest().get("engine")), DeviceChoice.AUTO);
  }

  /** Loads a model directory on the given engine and device. */
  public static Classifier load(Path directory, EngineChoice engine, DeviceChoice device) throws IOException {
    return load(ModelArtifact.open(directory), engine, device);
  }

  private static Classifier load(ModelArtifact artifact, EngineChoice engine, DeviceChoice deviceChoice)
      throws IOException {
    ClassifierConfig config = JSON.readValue(artifact.text(CONFIG), ClassifierConfig.class);
    Vocabulary vocabulary = artifact.vocabulary(VOCABULARY);
    Device device = deviceChoice.resolve(engine.engine());
    Model model = Model.newInstance(config.name(), device, engine.djlName());
    try {
      TextClassifier block = config.block(TokenEmbedding.learned(vocabulary.size(), config.embeddingDimension()));
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 4), new Shape(2));
      artifact.loadParameters(block);
      return new Classifier(model, config, vocabulary, engine.id(), artifact.manifest());
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public List<String> labels() {
    return config.labels();
  }

  public ClassifierConfig config() {
    return config;
  }

  /** The model directory's manifest (versions, engine, data, metrics, fields); empty for a model not loaded. */
  public Map<String, Object> manifest() {
    return manifest;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The engine's name ({@code mxnet}, {@code pytorch}) and the device the model runs on. */
  public String engine() {
    return engine;
  }

  public Device device() {
    return model.getNDManager().getDevice();
  }

  /** Predictions for raw texts, in order. */
  public List<Prediction> predict(List<String> texts) {
    return predictTokens(analysis.tokens(texts));
  }

  TextAnalysis analysis() {
    return analysis;
  }

  /** Predictions for analyzed texts, in order. */
  List<Prediction> predictTokens(List<List<String>> tokens) {
    List<int[]> ids = tokens.stream().map(t -> TextAnalysis.ids(t, vocabulary)).toList();
    ClassifierInference.Output output = ClassifierInference.run(model.getBlock(), model.getNDManager(), ids);
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
   * Writes the model directory atomically: parameters, vocabulary, {@code classifier.json}, the resolved
   * spec and a manifest holding the engine and {@code fields} (data hashes, metrics, ...).
   */
  public Path save(Path directory, String specText, Map<String, Object> fields) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("kind", "classify");
    manifest.put("engine", engine);
    manifest.putAll(fields);
    return ArtifactWriter.create(directory).parameters(model.getBlock()).vocabulary(VOCABULARY, vocabulary)
        .text(CONFIG, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config)).text(SPEC, specText)
        .commit(manifest);
  }

  @Override
  public void close() {
    model.close();
  }
}
