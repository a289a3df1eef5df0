package io.seqpipe.pipelines.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.seqpipe.models.artifact.ArtifactWriter;
import io.seqpipe.models.artifact.ModelArtifact;
import io.seqpipe.models.engine.EngineChoice;
import io.seqpipe.nlp.io.Hashes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * What every trained model has, whatever its kind: the engine's model around its block, the engine and
 * device it runs on, its manifest, and the directory it was loaded from or saved to. Creating, loading,
 * saving and closing happen here once for all kinds.
 *
 * <pre>{@code
 * ModelHandle handle = ModelHandle.open(artifact, options, block, new Shape(2, 4), new Shape(2));
 * handle.save(directory, "classify", Map.of("metrics", metrics), writer -> writer.text("config.json", json));
 * }</pre>
 */
public final class ModelHandle implements AutoCloseable {
  /** The files a kind of model writes beside its parameters and manifest. */
  public interface Files {
    void write(ArtifactWriter writer) throws IOException;
  }

  private final Model model;
  private final EngineChoice engine;
  private final int engineThreads;
  private final Semaphore inferenceThreads;
  private Map<String, Object> manifest;
  private Path directory;

  private ModelHandle(Model model, EngineChoice engine, Map<String, Object> manifest, Path directory) {
    this.model = model;
    this.engine = engine;
    this.engineThreads = Math.max(1, engine.operationThreads());
    this.inferenceThreads = new Semaphore(engineThreads, true);
    this.manifest = manifest;
    this.directory = directory;
  }

  /** A new model with {@code block}, untrained (the trainer initializes it), for training. */
  public static ModelHandle create(String name, EngineChoice engine, Device device, Block block) {
    Model model = Model.newInstance(name, device, engine.djlName());
    model.setBlock(block);
    return new ModelHandle(model, engine, Map.of(), null);
  }

  /**
   * A saved model: {@code block} on the options' engine (the manifest's when none) and device, with the
   * artifact's parameters.
   *
   * @param inputShapes the shapes the block is initialized with before its parameters are read
   */
  public static ModelHandle open(ModelArtifact artifact, ModelOptions options, Block block, Shape... inputShapes)
      throws IOException {
    EngineChoice engine = options.engine() != null ? options.engine()
        : EngineChoice.fromId(String.valueOf(artifact.manifest().get("engine")));
    Device device = options.device().resolve(engine.engine());
    Model model = Model.newInstance(String.valueOf(artifact.manifest().getOrDefault("pipeline", "model")), device,
        engine.djlName());
    try {
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes);
      artifact.loadParameters(block);
      return new ModelHandle(model, engine, artifact.manifest(), artifact.directory());
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public Model model() {
    return model;
  }

  public Block block() {
    return model.getBlock();
  }

  public NDManager manager() {
    return model.getNDManager();
  }

  public Device device() {
    return model.getNDManager().getDevice();
  }

  /** Readies the calling thread for this model's inference (see {@link EngineChoice#prepareInferenceThread}). */
  public void prepareInferenceThread() {
    engine.prepareInferenceThread();
  }

  /**
   * Readies the calling thread for this model's inference with its operations split into {@code
   * operationThreads} engine threads where the engine sets that per thread ({@link
   * EngineChoice#setOperationThreads}): for threads that run inference side by side, each on its share of the
   * cores.
   */
  public void prepareInferenceThread(int operationThreads) {
    engine.prepareInferenceThread();
    engine.setOperationThreads(operationThreads);
  }

  /**
   * Runs {@code work} on the calling thread once {@code threads} of this model's engine threads are free (all of
   * them when it asks for more): threads that run the model's inference side by side, from one call or from
   * several (the tasks of a Spark executor sharing its model), together use no more engine threads than the
   * thread that loaded the model had, and wait their turn in arrival order.
   *
   * @throws IllegalStateException when the calling thread is interrupted while it waits
   */
  public void withInferenceThreads(int threads, Runnable work) {
    int permits = Math.max(1, Math.min(threads, engineThreads));
    try {
      inferenceThreads.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the model's engine threads", e);
    }
    try {
      work.run();
    } finally {
      inferenceThreads.release(permits);
    }
  }

  /** Whether several threads may run this model's inference at once ({@link EngineChoice#concurrentInference}). */
  public boolean concurrentInference() {
    return engine.concurrentInference();
  }

  /** The engine this model runs on. */
  EngineChoice engineChoice() {
    return engine;
  }

  /** The engine's name in pipeline files ({@code mxnet}, {@code pytorch}). */
  public String engine() {
    return engine.id();
  }

  /** The model directory's manifest (versions, engine, data, metrics, ...); empty before the model is saved. */
  public Map<String, Object> manifest() {
    return manifest;
  }

  /** The directory the model was loaded from or last saved to; null for a model never saved. */
  public Path directory() {
    return directory;
  }

  /** The SHA-256 of the saved parameters: which model a job ran with. */
  public String fingerprint() throws IOException {
    if (directory == null) {
      throw new IllegalStateException("the model has not been saved: it has no fingerprint yet");
    }
    return Hashes.sha256(ModelArtifact.open(directory).parametersFile());
  }

  /**
   * Writes the model directory atomically: parameters, the kind's files, and a manifest holding the kind,
   * the engine and {@code fields}.
   */
  public Path save(Path target, String kind, Map<String, Object> fields, Files files) throws IOException {
    ArtifactWriter writer = ArtifactWriter.create(target).parameters(model.getBlock());
    files.write(writer);
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("kind", kind);
    written.put("engine", engine.id());
    written.putAll(fields);
    Path saved = writer.commit(written);
    directory = saved;
    manifest = ModelArtifact.open(saved).manifest();
    return saved;
  }

  @Override
  public void close() {
    model.close();
  }
}
