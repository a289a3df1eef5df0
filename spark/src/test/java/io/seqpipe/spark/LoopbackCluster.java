package io.seqpipe.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and workers of one core each, every one a JVM
 * of its own on the test's classpath, with logs and work directories under {@code dir}. Executors get the
 * test's classpath through {@link #jobSettings()}. {@link #close()} kills every JVM it started, executors
 * included.
 *
 * <pre>{@code
 * try (LoopbackCluster cluster = LoopbackCluster.start(dir, 2)) {
 *   seqpipe spark translate --master cluster.url() ... (cluster.jobSettings() as --conf KEY=VALUE)
 *   cluster.kill(0);   // SIGKILL the first worker and its executors
 * }
 * }</pre>
 */
final class LoopbackCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path dir;
  private final int port;
  private final int webUiPort;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();

  private LoopbackCluster(Path dir) {
    this.dir = dir;
    this.port = freePort();
    this.webUiPort = freePort();
  }

  /** Starts a Master and {@code workers} workers and waits until they have all registered. */
  static LoopbackCluster start(Path dir, int workers) throws IOException, InterruptedException {
    LoopbackCluster cluster = new LoopbackCluster(dir);
    try {
      Files.createDirectories(dir.resolve("spark-home/jars"));   // where workers look for Spark's jars
      cluster.processes.add(cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", HOST,
          "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(cluster.webUiPort)));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("work-" + i));
        Process worker = cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", HOST,
            "--cores", "1", "--memory", "1g", "--webui-port", "0", "--work-dir", work.toString(), cluster.url());
        cluster.processes.add(worker);
        cluster.workers.add(worker);
      }
      cluster.await("all " + workers + " workers registered with the master", () -> cluster.aliveWorkers() == workers,
          START_TIMEOUT);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  /** The master's URL, {@code spark://127.0.0.1:PORT}. */
  String url() {
    return "spark://" + HOST + ":" + port;
  }

  /** What a job needs to run here: loopback addresses, small executors, the test's classpath. */
  List<String> jobSettings() {
    return List.of("spark.driver.host=" + HOST, "spark.driver.bindAddress=" + HOST, "spark.executor.memory=512m",
        "spark.executor.extraClassPath=" + System.getProperty("java.class.path"));
  }

  /** The ids of the executors worker {@code index} has launched (the directories of its work directory). */
  Set<String> executors(int index) throws IOException {
    try (Stream<Path> apps = Files.list(dir.resolve("work-" + index))) {
      return apps.filter(Files::isDirectory).flatMap(LoopbackCluster::children).map(p -> p.getFileName().toString())
          .collect(Collectors.toSet());
    }
  }

  /** SIGKILLs worker {@code index} and the executors it launched, as when its machine is lost. */
  void kill(int index) throws InterruptedException {
    kill(workers.get(index));
  }

  /** Waits until {@code condition} holds, failing with the cluster's logs if the time runs out first. */
  void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " after " + timeout.toSeconds() + " s\n" + logs());
      }
      if (!processes.get(0).isAlive()) {
        throw new AssertionError("the master exited while waiting for " + what + "\n" + logs());
      }
      Thread.sleep(200);
    }
  }

  /** The end of every log the cluster wrote: master, workers and executors. */
  String logs() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(".*\\.log|stderr|stdout")).sorted()
          .map(LoopbackCluster::tail).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(logs unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      kill(processes.get(i));
    }
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Arrays.asList(System.getProperty("spark.java.options", "").trim().split("\\s+")));
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", HOST);
    builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    return builder.start();
  }

  private int aliveWorkers() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://" + HOST + ":" + webUiPort + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      int alive = 0;
      for (JsonNode worker : new ObjectMapper().readTree(response.body()).path("workers")) {
        alive += worker.path("state").asText().equals("ALIVE") ? 1 : 0;
      }
      return alive;
    } catch (IOException e) {
      return 0;   // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
  }

  private static Stream<Path> children(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return "--- " + log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "--- " + log + ": unreadable (" + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
