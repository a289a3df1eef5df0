package io.seqpipe.pipelines.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelOutput;
import io.seqpipe.pipelines.model.TrainedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server for trained models of any kind, on Javalin (Jetty 12):
 *
 * <ul>
 *   <li>{@code POST /v1/models/{name}/predict} with {@code {"texts": [...]}} (and {@code "beam"}, {@code
 *       "n_best"} for translation models) answers {@code {"predictions": [...]}} or {@code {"translations":
 *       [...]}}, exactly what the model gives for the same texts alone;
 *   <li>{@code GET /v1/models} lists the models with their kinds and manifests, {@code GET /health} says
 *       whether the server takes requests, {@code GET /metrics} is in the Prometheus text format.
 * </ul>
 *
 * <p>Concurrent requests are merged into batches by a {@link DynamicBatcher} per model. Errors are {@code
 * {"error": "one line"}}: 400 malformed requests, 404 unknown models or paths, 405 wrong methods, 413 bodies
 * or texts over the limits, 503 with {@code Retry-After} when a model's queue is full. {@link #close()}
 * stops taking requests, answers those in flight and stops.
 *
 * <pre>{@code
 * try (SeqpipeServer server = SeqpipeServer.start(ServerOptions.defaults(Map.of("default", modelDir)).withPort(0))) {
 *   System.out.println("listening on " + server.url());
 * }
 * }</pre>
 */
public final class SeqpipeServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREDICT = "/v1/models/{name}/predict";
  private static final String STARTED = "seqpipe.started";
  private static final String MODEL = "seqpipe.model";
  private static final Duration DRAIN = Duration.ofSeconds(10);
  /** The most of a refused body read and dropped before the answer: 1 MiB. */
  private static final long DISCARD_LIMIT = 1 << 20;

  private final ServerOptions options;
  private final Map<String, TrainedModel> models;
  private final Map<String, DynamicBatcher> batchers = new LinkedHashMap<>();
  private final ServerMetrics metrics = new ServerMetrics();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Javalin app;
  private volatile boolean draining;

  private SeqpipeServer(ServerOptions options, Map<String, TrainedModel> models) {
    this.options = options;
    this.models = models;
    models.forEach((name, model) -> batchers.put(name, new DynamicBatcher(name, model, options, metrics)));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = options.maxBody();
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      // close() stops Jetty after the requests in flight are answered; Jetty's own hook would cut them off
      config.jetty.modifyServer(server -> server.setStopAtShutdown(false));
      config.routes.before(ctx -> {
        ctx.attribute(STARTED, System.nanoTime());
        inFlight.incrementAndGet();
      });
      config.routes.post(PREDICT, this::predict);
      config.routes.get("/v1/models", this::listModels);
      config.routes.get("/health", this::health);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
      config.routes.after(this::finished);
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
      config.routes.error(404, ctx -> defaultError(ctx, "no such path: " + ctx.method() + " " + ctx.path()));
      config.routes.error(405, ctx -> defaultError(ctx, ctx.method() + " is not allowed on " + ctx.path()));
    });
  }

  /**
   * Loads every model, then starts listening.
   *
   * @throws IOException naming a model directory that cannot be loaded
   */
  public static SeqpipeServer start(ServerOptions options) throws IOException {
    Map<String, TrainedModel> models = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Path> model : options.models().entrySet()) {
        models.put(model.getKey(), Pipelines.loadModel(model.getValue(), options.model()));
      }
    } catch (IOException | RuntimeException e) {
      models.values().forEach(TrainedModel::close);
      throw e;
    }
    SeqpipeServer server = new SeqpipeServer(options, models);
    server.app.start();
    return server;
  }

  /** The port it listens on (the one chosen when the options asked for 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://HOST:PORT}. */
  public String url() {
    return "http://" + options.host() + ":" + port();
  }

  private void predict(Context ctx) {
    String name = ctx.pathParam("name");
    if (draining) {
      ctx.header("Retry-After", "5");
      throw new ApiException(503, "the server is shutting down");
    }
    TrainedModel model = models.get(name);
    if (model == null) {
      throw new ApiException(404, "no model named '" + excerpt(name) + "'; serving: " + String.join(", ", models.keySet()));
    }
    ctx.attribute(MODEL, name);
    Request request = Request.parse(body(ctx));
    int tokens = 0;
    for (int i = 0; i < request.texts().size(); i++) {
      int length;
      try {
        length = model.length(request.texts().get(i));
      } catch (IllegalArgumentException | InputFormatException e) {
        throw new ApiException(400, "text " + i + ": " + e.getMessage());
      }
      if (length > model.maxLength()) {
        throw new ApiException(413, "text " + i + " has " + length + " tokens; model '" + name + "' reads at most "
            + model.maxLength());
      }
      tokens += length + 1;
    }
    CompletableFuture<List<? extends ModelOutput>> answers;
    try {
      answers = batchers.get(name).submit(request.texts(), request.inference(), tokens);
    } catch (ApiException e) {
      if (e.status() == 503) {
        ctx.header("Retry-After", "1");
      }
      throw e;
    }
    String key = switch (model.kind()) {
      case CLASSIFY -> "predictions";
      case TRANSLATE -> "translations";
      case FORECAST -> "forecasts";
    };
    ctx.future(() -> answers.thenAccept(outputs -> {
      List<Object> json = new ArrayList<>(outputs.size());
      outputs.forEach(output -> json.add(output.json()));
      respond(ctx, 200, Map.of(key, json));
    }).exceptionally(failure -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
          : failure;
      ApiException api = cause instanceof ApiException e ? e : new ApiException(500, "internal error: " + cause);
      error(ctx, api.status(), api.getMessage());
      return null;
    }));
  }

  /**
   * The request body, at most {@code maxBody} bytes. A larger body is refused with 413 after what the client
   * is still sending has been read and dropped (up to {@link #DISCARD_LIMIT} bytes): a server that answers and
   * closes while the client is still writing makes the client see a reset connection instead of the answer.
   */
  private byte[] body(Context ctx) {
    long declared = ctx.contentLength();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > options.maxBody()) {
        discard(in);
        throw tooLarge(declared);
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBody() + 1));
      if (body.length > options.maxBody()) {
        long total = body.length + discard(in);
        throw tooLarge(total);
      }
      return body;
    } catch (IOException e) {
      throw new ApiException(400, "could not read the request body: " + e.getMessage());
    }
  }

  /** Reads and drops up to {@link #DISCARD_LIMIT} bytes of what is left of a body; returns how many. */
  private static long discard(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long dropped = 0;
    for (int n; dropped < DISCARD_LIMIT && (n = in.read(buffer)) > 0; ) {
      dropped += n;
    }
    return dropped;
  }

  private ApiException tooLarge(long bytes) {
    return new ApiException(413, "request body of " + bytes + " bytes; the limit is " + options.maxBody()
        + " (--max-body)");
  }

  private void listModels(Context ctx) {
    List<Object> list = new ArrayList<>();
    models.forEach((name, model) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", name);
      entry.put("kind", model.kind().id());
      entry.put("manifest", model.handle().manifest());
      list.add(entry);
    });
    respond(ctx, 200, Map.of("models", list));
  }

  private void health(Context ctx) {
    if (draining) {
      respond(ctx, 503, Map.of("status", "shutting down"));
    } else {
      respond(ctx, 200, Map.of("status", "ok", "models", List.copyOf(models.keySet())));
    }
  }

  private void finished(Context ctx) {
    inFlight.decrementAndGet();
    Long started = ctx.attribute(STARTED);
    if (started != null && ctx.path().startsWith("/v1/models/")) {
      String model = ctx.attribute(MODEL);
      metrics.request(model == null ? "" : model, ctx.statusCode(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Replaces the body of an error Javalin raised itself (404, 405), unless a handler wrote one in JSON. */
  private static void defaultError(Context ctx, String message) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("application/json")) {
      error(ctx, ctx.statusCode(), message);
    }
  }

  private static void error(Context ctx, int status, String message) {
    respond(ctx, status, Map.of("error", message));
  }

  private static void respond(Context ctx, int status, Object body) {
    try {
      ctx.status(HttpStatus.forStatus(status)).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException("a response that cannot be written as JSON", e);
    }
  }

  private static String excerpt(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /**
   * Stops taking requests (new ones get 503), waits up to ten seconds for those in flight, then stops the
   * server and frees the models.
   */
  @Override
  public void close() {
    draining = true;
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    app.stop();
    batchers.values().forEach(DynamicBatcher::close);
    models.values().forEach(TrainedModel::close);
  }

  /** A predict request's texts and settings. */
  record Request(List<String> texts, Inference inference) {
    static Request parse(byte[] body) {
      JsonNode root;
      try {
        root = JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new ApiException(400, "could not read the request body: " + e.getMessage());
      }
      if (root == null || !root.isObject()) {
        throw new ApiException(400, "expected a JSON object like {\"texts\": [\"...\"]}");
      }
      JsonNode texts = root.get("texts");
      if (texts == null || !texts.isArray()) {
        throw new ApiException(400, "expected \"texts\": a list of strings");
      }
      List<String> list = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        if (!texts.get(i).isTextual()) {
          throw new ApiException(400, "\"texts\"[" + i + "] is not a string");
        }
        list.add(texts.get(i).asText());
      }
      return new Request(list, new Inference(integer(root, "beam"), integer(root, "n_best"), number(root, "alpha")));
    }

    private static Double number(JsonNode root, String field) {
      JsonNode node = root.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isNumber()) {
        throw new ApiException(400, "\"" + field + "\" must be a number");
      }
      return node.asDouble();
    }

    private static Integer integer(JsonNode root, String field) {
      JsonNode node = root.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw new ApiException(400, "\"" + field + "\" must be a whole number");
      }
      return node.asInt();
    }
  }
}
