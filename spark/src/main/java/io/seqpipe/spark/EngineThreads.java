package io.seqpipe.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * Threads on executors: the engine's as many as the executor has cores ({@code spark.executor.cores}, set to 1
 * when unset, as YARN and Kubernetes have it by default: a standalone executor would otherwise take all of a
 * worker's cores, which its engine could not know when it loads), waiting passively (OpenMP threads that spin
 * make both engines 30-50x slower when another process holds a core), MXNet's synchronous engine and glibc's
 * allocator thresholds as under the {@code seqpipe} launcher, and the JVM's own (garbage
 * collection, compilation) sized to the same cores with {@code -XX:ActiveProcessorCount}, so that executors
 * sharing a machine do not oversubscribe it. Settings the user gave are kept. In local mode the driver is the
 * executor and the {@code seqpipe} launcher's settings apply.
 * On PyTorch, whose tasks run a model side by side, each task thread then takes its task's cores of them
 * ({@link ModelPartitions}).
 *
 * <pre>{@code
 * SparkConf conf = new SparkConf().set("spark.executor.cores", "4");
 * EngineThreads.configure(conf);   // spark.executorEnv.OMP_NUM_THREADS=4, -Dai.djl.pytorch.num_threads=4, ...
 * }</pre>
 */
final class EngineThreads {
  private static final String JAVA_OPTIONS = "spark.executor.extraJavaOptions";
  private static final String CORES = "spark.executor.cores";
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?])?");

  private EngineThreads() {}

  static void configure(SparkConf conf) {
    conf.setIfMissing(CORES, "1");
    String threads = conf.get(CORES);
    conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", threads);
    conf.setIfMissing("spark.executorEnv.GOMP_SPINCOUNT", "0");
    conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
    conf.setIfMissing("spark.executorEnv.MXNET_ENGINE_TYPE", "NaiveEngine");
    conf.setIfMissing("spark.executorEnv.MALLOC_MMAP_THRESHOLD_", "16777216");
    conf.setIfMissing("spark.executorEnv.MALLOC_TRIM_THRESHOLD_", "67108864");
    conf.setIfMissing("spark.executorEnv.OPT_OUT_TRACKING", "true");
    conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
    String options = conf.get(JAVA_OPTIONS, "");
    if (!options.contains("ai.djl.pytorch.num_threads")) {
      options += " -Dai.djl.pytorch.num_threads=" + threads + " -Dai.djl.pytorch.num_interop_threads=1";
    }
    if (!options.contains("ActiveProcessorCount")) {
      options += " -XX:ActiveProcessorCount=" + threads;
    }
    conf.set(JAVA_OPTIONS, options.strip());
  }

  /**
   * The cores of one executor, whose tasks share its model: in local mode the driver's task threads ({@code
   * local[N]}; {@code local[*]}: the machine's cores), else {@code spark.executor.cores} as {@link #configure}
   * leaves it.
   */
  static int executorCores(SparkConf conf) {
    Matcher local = LOCAL.matcher(conf.get("spark.master", ""));
    if (local.matches()) {
      String cores = local.group(1);
      return cores == null ? 1 : cores.equals("*") ? Runtime.getRuntime().availableProcessors()
          : Integer.parseInt(cores);
    }
    return Integer.parseInt(conf.get(CORES, "1"));
  }
}
