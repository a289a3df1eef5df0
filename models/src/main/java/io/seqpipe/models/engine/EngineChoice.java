package io.seqpipe.models.engine;

import ai.djl.engine.Engine;
import ai.djl.mxnet.jna.LibUtils;
import ai.djl.mxnet.jna.MxnetLibrary;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The DJL engines Seqpipe runs on, by the names pipeline files use: {@code mxnet} (the default) and
 * {@code pytorch}. Both come with their CPU native libraries from Maven Central, so no download happens.
 *
 * <pre>{@code
 * Engine engine = EngineChoice.fromId("pytorch").engine();
 * }</pre>
 */
public enum EngineChoice {
  MXNET("mxnet", "MXNet"),
  PYTORCH("pytorch", "PyTorch");

  /** The engine used when a pipeline names none. */
  public static final EngineChoice DEFAULT = MXNET;

  private final String id;
  private final String djlName;

  EngineChoice(String id, String djlName) {
    this.id = id;
    this.djlName = djlName;
  }

  /** The name in pipeline files and on the command line. */
  public String id() {
    return id;
  }

  /** DJL's name of the engine. */
  public String djlName() {
    return djlName;
  }

  /** The loaded engine; loading its native library on first use. */
  public Engine engine() {
    return Engine.getEngine(djlName);
  }

  /**
   * Makes the calling thread compute inference as the thread that loaded the engine does. PyTorch's autograd
   * mode belongs to a thread, and DJL turns it off only on the thread that loads the engine: on any other
   * thread (a server's inference thread, a Spark task's) searches ran with it on, took other kernels and
   * now and then chose another beam. The one engine-specific call of Seqpipe's inference; MXNet needs none.
   */
  public void prepareInferenceThread() {
    if (this == PYTORCH) {
      JniUtils.setGradMode(false);
    }
  }

  /**
   * Whether several threads may run inference on one loaded model at once. PyTorch's operations may be
   * called from any number of threads; MXNet's imperative engine may not (DJL runs it from several threads
   * only as its single-threaded {@code NaiveEngine}), so its inference runs one call at a time.
   */
  public boolean concurrentInference() {
    return this == PYTORCH;
  }

  /**
   * The threads the engine splits one operation into, as the calling thread runs it: PyTorch's intra-op
   * threads ({@code ai.djl.pytorch.num_threads}, else {@code OMP_NUM_THREADS}); MXNet's: those {@link
   * #setOperationThreads} gave the calling thread, else {@code OMP_NUM_THREADS} as it was when MXNet loaded.
   */
  public int operationThreads() {
    if (this == PYTORCH) {
      return JniUtils.getNumThreads();
    }
    Integer set = MxnetThreads.SET.get();
    if (set != null) {
      return set;
    }
    String threads = System.getenv("OMP_NUM_THREADS");
    return threads != null && threads.matches("[1-9][0-9]*") ? Integer.parseInt(threads) : 1;
  }

  /**
   * Splits the calling thread's operations into {@code threads} engine threads where the engine sets that per
   * thread ({@link #setsOperationThreadsPerThread}). Threads that search side by side each take their share of
   * the cores this way instead of each splitting its operations over all; a training step of a small model
   * takes one.
   */
  public void setOperationThreads(int threads) {
    if (this == PYTORCH) {
      JniUtils.setNumThreads(threads);
    } else if (setsOperationThreadsPerThread()) {
      MxnetThreads.set(threads);
    }
  }

  /**
   * Whether {@link #setOperationThreads} takes effect. PyTorch's OpenMP and MKL threads belong to the calling
   * thread (it also keeps the number as the default of threads that start later). MXNet's operations run on the
   * calling thread only under its synchronous {@code NaiveEngine}, which the launcher selects
   * ({@code MXNET_ENGINE_TYPE}); under its threaded engine they run on worker threads whose OpenMP threads are
   * fixed when it loads.
   */
  public boolean setsOperationThreadsPerThread() {
    return this == PYTORCH || "NaiveEngine".equals(System.getenv("MXNET_ENGINE_TYPE"));
  }

  /** MXNet's OpenMP threads of the calling thread, through its C API, loaded on first use. */
  private static final class MxnetThreads {
    private static final ThreadLocal<Integer> SET = new ThreadLocal<>();
    private static MxnetLibrary library;

    static synchronized void set(int threads) {
      if (library == null) {
        library = LibUtils.loadLibrary();
      }
      library.MXSetNumOMPThreads(threads);
      SET.set(threads);
    }
  }

  public static EngineChoice fromId(String id) {
    for (EngineChoice choice : values()) {
      if (choice.id.equals(id.toLowerCase(Locale.ROOT))) {
        return choice;
      }
    }
    throw new IllegalArgumentException("unknown engine '" + id + "'; available: "
        + Arrays.stream(values()).map(EngineChoice::id).collect(Collectors.joining(", ")));
  }
}
