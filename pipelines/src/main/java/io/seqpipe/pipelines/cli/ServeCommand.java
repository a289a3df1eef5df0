package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.serve.SeqpipeServer;
import io.seqpipe.pipelines.serve.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe serve --model NAME=DIR ...}: serves trained models over HTTP until stopped; SIGTERM or
 * Ctrl-C stops taking requests, answers those in flight and exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve trained models over HTTP (POST /v1/models/NAME/predict, GET /v1/models, /health, /metrics).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME=DIR",
      description = "A model directory and the name requests use for it (repeatable); a bare DIR is named 'default'.")
  List<String> models = new ArrayList<>();

  @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", defaultValue = "" + ServerOptions.DEFAULT_PORT, description = "Port; 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--max-batch-tokens", paramLabel = "T", defaultValue = "" + ServerOptions.DEFAULT_MAX_BATCH_TOKENS,
      description = "Tokens one batch merges from concurrent requests (default: ${DEFAULT-VALUE}; 1 turns batching off).")
  int maxBatchTokens;

  @Option(names = "--max-wait-ms", paramLabel = "W", defaultValue = "" + ServerOptions.DEFAULT_MAX_WAIT_MILLIS,
      description = "How long a request waits for others to join its batch (default: ${DEFAULT-VALUE}).")
  int maxWaitMillis;

  @Option(names = "--max-queue", paramLabel = "Q", defaultValue = "" + ServerOptions.DEFAULT_MAX_QUEUE,
      description = "Requests waiting per model before new ones get 503 (default: ${DEFAULT-VALUE}).")
  int maxQueue;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServerOptions.DEFAULT_MAX_BODY,
      description = "Largest request body (default: ${DEFAULT-VALUE}).")
  long maxBody;

  @Mixin EngineArguments engine;

  @Override
  public Integer call() throws Exception {
    ServerOptions options = new ServerOptions(named(models), host, port, maxBatchTokens, maxWaitMillis, maxQueue,
        maxBody, ModelOptions.of(engine.engine, engine.device));
    SeqpipeServer server = SeqpipeServer.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "seqpipe-serve-shutdown"));
    spec.commandLine().getOut().println("listening on " + server.url());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  /** {@code NAME=DIR} pairs by name; a bare {@code DIR} is {@code default}. */
  static Map<String, Path> named(List<String> arguments) {
    Map<String, Path> named = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      String name = equals > 0 ? argument.substring(0, equals) : "default";
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("--model " + argument + ": a model name is letters, digits, '_', '.' and '-'");
      }
      if (named.put(name, Path.of(equals > 0 ? argument.substring(equals + 1) : argument)) != null) {
        throw new IllegalArgumentException("--model: two models named '" + name + "'");
      }
    }
    return named;
  }
}
