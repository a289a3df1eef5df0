package io.seqpipe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Executors get engine and JVM threads for their cores, and keep what the user set. */
class EngineThreadsTest {
  @Test
  void sizesEngineAndJvmThreadsToTheExecutorsCores() {
    SparkConf conf = new SparkConf(false).set("spark.executor.cores", "4");
    EngineThreads.configure(conf);
    assertThat(conf.get("spark.executorEnv.OMP_NUM_THREADS")).isEqualTo("4");
    assertThat(conf.get("spark.executorEnv.OMP_WAIT_POLICY")).isEqualTo("PASSIVE");
    assertThat(conf.get("spark.executorEnv.MXNET_ENGINE_TYPE")).isEqualTo("NaiveEngine");
    assertThat(conf.get("spark.executorEnv.MALLOC_MMAP_THRESHOLD_")).isEqualTo("16777216");
    assertThat(conf.get("spark.executorEnv.MALLOC_TRIM_THRESHOLD_")).isEqualTo("67108864");
    assertThat(conf.get("spark.executor.extraJavaOptions")).isEqualTo(
        "-Dai.djl.pytorch.num_threads=4 -Dai.djl.pytorch.num_interop_threads=1 -XX:ActiveProcessorCount=4");
  }

  @Test
  void oneCoreWhenUnsetAndTheUsersSettingsKept() {
    SparkConf conf = new SparkConf(false).set("spark.executorEnv.OMP_NUM_THREADS", "2")
        .set("spark.executor.extraJavaOptions", "-XX:ActiveProcessorCount=8 -Xss4m");
    EngineThreads.configure(conf);
    assertThat(conf.get("spark.executor.cores")).as("executors of one core, as their engine threads").isEqualTo("1");
    assertThat(conf.get("spark.executorEnv.OMP_NUM_THREADS")).isEqualTo("2");
    assertThat(conf.get("spark.executor.extraJavaOptions")).isEqualTo(
        "-XX:ActiveProcessorCount=8 -Xss4m -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1");
  }

  @Test
  void anExecutorsCoresAreLocalModesTaskThreadsElseTheExecutorCores() {
    assertThat(EngineThreads.executorCores(new SparkConf(false).setMaster("local[3]"))).isEqualTo(3);
    assertThat(EngineThreads.executorCores(new SparkConf(false).setMaster("local[2,4]"))).isEqualTo(2);
    assertThat(EngineThreads.executorCores(new SparkConf(false).setMaster("local"))).isEqualTo(1);
    assertThat(EngineThreads.executorCores(new SparkConf(false).setMaster("local[*]")))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    SparkConf cluster = new SparkConf(false).setMaster("spark://127.0.0.1:7077").set("spark.executor.cores", "4");
    assertThat(EngineThreads.executorCores(cluster)).isEqualTo(4);
    SparkConf unset = new SparkConf(false).setMaster("yarn");
    EngineThreads.configure(unset);
    assertThat(EngineThreads.executorCores(unset)).isEqualTo(1);
  }
}
