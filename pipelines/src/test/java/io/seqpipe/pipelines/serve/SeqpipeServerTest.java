package io.seqpipe.pipelines.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.Pipeline;
import io.seqpipe.pipelines.Pipelines;
import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.classify.Classifier;
import io.seqpipe.pipelines.classify.Prediction;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.pipelines.translate.NBest;
import io.seqpipe.pipelines.translate.ToyTranslation;
import io.seqpipe.pipelines.translate.Translation;
import io.seqpipe.pipelines.translate.Translator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A real server on an ephemeral loopback port, called with a real HTTP client. */
class SeqpipeServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final List<String> TEXTS = List.of("the phone was superb", "it is broken", "", "quite lovely",
      "the screen was really quite poor and the battery was dreadful");

  @TempDir static Path dir;
  private static Path classifier;
  private static Path translator;
  private static List<String> sentences;
  private static SeqpipeServer server;

  @BeforeAll
  static void trainAndServe() throws Exception {
    Path classify = Files.createDirectories(dir.resolve("classify"));
    try (Pipeline pipeline = Pipelines.load(ToyData.write(classify), List.of("train.epochs=2"))
        .outputDirectory(classify.resolve("run"))) {
      pipeline.train();
    }
    classifier = classify.resolve("run/model");
    Path translate = Files.createDirectories(dir.resolve("translate"));
    try (Pipeline pipeline = Pipelines.load(ToyTranslation.write(translate), List.of("train.epochs=2"))
        .outputDirectory(translate.resolve("run"))) {
      pipeline.train();
    }
    translator = translate.resolve("run/model");
    sentences = ToyTranslation.sources(24, 3).lines().toList();
    server = SeqpipeServer.start(ServerOptions.defaults(Map.of("sentiment", classifier, "toy", translator)).withPort(0)
        .withBatching(2048, 20, 256).withMaxBody(64 * 1024));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void classifierAnswersAreThePredictionsOfTheSavedModel() throws Exception {
    JsonNode answer = JSON.readTree(post("sentiment", Map.of("texts", TEXTS)).body());
    try (Classifier model = Pipelines.loadModel(classifier, ModelOptions.DEFAULT, Classifier.class)) {
      List<Prediction> expected = model.predict(TEXTS);
      assertThat(answer.get("predictions")).hasSize(TEXTS.size());
      for (int i = 0; i < TEXTS.size(); i++) {
        JsonNode p = answer.get("predictions").get(i);
        assertThat(p.get("label").asText()).isEqualTo(expected.get(i).label());
        // printed to six decimals by 'seqpipe predict'; batches of other shapes differ only in the last bits
        assertThat(p.get("probability").asDouble()).isCloseTo(expected.get(i).probability(), within(1e-6));
        assertThat(p.get("probabilities").size()).isEqualTo(2);
      }
    }
  }

  @Test
  void translationsAreThoseOfTheSavedModelAloneOrInConcurrentBatches() throws Exception {
    try (Translator model = Pipelines.loadModel(translator, ModelOptions.DEFAULT, Translator.class)) {
      List<Translation> expected = model.predict(sentences);
      List<CompletableFuture<HttpResponse<String>>> each = new ArrayList<>();
      for (String sentence : sentences) {
        each.add(postAsync("toy", Map.of("texts", List.of(sentence))));
      }
      for (int i = 0; i < sentences.size(); i++) {
        HttpResponse<String> response = each.get(i).join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(response.body()).get("translations").get(0);
        assertThat(t.get("text").asText()).isEqualTo(expected.get(i).text());
        assertThat(t.get("score").asDouble()).isCloseTo(expected.get(i).score(), within(1e-5));
      }
      JsonNode nBest = JSON.readTree(post("toy", Map.of("texts", sentences.subList(0, 3), "beam", 4, "n_best", 3))
          .body()).get("translations");
      List<? extends Object> expectedNBest = model.predict(sentences.subList(0, 3), new Inference(4, 3));
      for (int i = 0; i < 3; i++) {
        List<Translation> list = ((NBest) expectedNBest.get(i)).translations();
        assertThat(nBest.get(i)).hasSize(3);
        for (int k = 0; k < 3; k++) {
          assertThat(nBest.get(i).get(k).get("text").asText()).isEqualTo(list.get(k).text());
        }
      }
      JsonNode penalised = JSON.readTree(post("toy", Map.of("texts", sentences.subList(0, 3), "beam", 4, "alpha", 2.5))
          .body()).get("translations");
      List<? extends Object> expectedPenalised = model.predict(sentences.subList(0, 3), new Inference(4, 1, 2.5));
      List<? extends Object> unpenalised = model.predict(sentences.subList(0, 3), new Inference(4, 1, 0.0));
      for (int i = 0; i < 3; i++) {
        Translation expectedOne = (Translation) expectedPenalised.get(i);
        assertThat(penalised.get(i).get("text").asText()).isEqualTo(expectedOne.text());
        assertThat(penalised.get(i).get("score").asDouble()).isCloseTo(expectedOne.score(), within(1e-5));
      }
      assertThat(expectedPenalised).as("alpha reaches the search: it rescales the scores")
          .isNotEqualTo(unpenalised);
    }
  }

  static Stream<Arguments> badRequests() {
    String longText = "superb ".repeat(500);
    return Stream.of(
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"texts\": [", 400, "malformed JSON"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "[\"a\"]", 400, "expected a JSON object"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"text\": \"a\"}", 400, "expected \"texts\": a list of strings"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"texts\": [\"a\", 3]}", 400, "\"texts\"[1] is not a string"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"texts\": [\"a\"], \"beam\": 4}", 400,
            "beam, n_best and alpha apply to translation models"),
        Arguments.of("POST", "/v1/models/toy/predict", "{\"texts\": [\"ka\"], \"beam\": 2, \"n_best\": 3}", 400,
            "n_best must be between 1 and the beam (2), found 3"),
        Arguments.of("POST", "/v1/models/toy/predict", "{\"texts\": [\"ka\"], \"beam\": \"wide\"}", 400,
            "\"beam\" must be a whole number"),
        Arguments.of("POST", "/v1/models/toy/predict", "{\"texts\": [\"ka\"], \"alpha\": \"long\"}", 400,
            "\"alpha\" must be a number"),
        Arguments.of("POST", "/v1/models/toy/predict", "{\"texts\": [\"ka\"], \"alpha\": -1}", 400,
            "alpha must be a number >= 0, found -1.0"),
        Arguments.of("POST", "/v1/models/nope/predict", "{\"texts\": []}", 404, "no model named 'nope'; serving: "),
        Arguments.of("GET", "/v2/everything", null, 404, "no such path: GET /v2/everything"),
        Arguments.of("GET", "/v1/models/sentiment/predict", null, 405, "GET is not allowed on /v1/models/sentiment/predict"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"texts\": [\"" + "x".repeat(70_000) + "\"]}", 413,
            "request body of 70015 bytes; the limit is 65536 (--max-body)"),
        Arguments.of("POST", "/v1/models/sentiment/predict", "{\"texts\": [\"" + longText + "\"]}", 413,
            "text 0 has 500 tokens; model 'sentiment' reads at most 400"));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("badRequests")
  void badRequestsGetOneLineOfJsonAndTheirStatus(String method, String path, String body, int status, String message)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.method(method, HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.size()).isEqualTo(1);
    assertThat(error.get("error").asText()).startsWith(message).doesNotContain("\n", "\tat ");
  }

  @Test
  void modelsHealthAndMetricsDescribeTheServer() throws Exception {
    post("sentiment", Map.of("texts", List.of("fine")));
    JsonNode models = JSON.readTree(get("/v1/models").body()).get("models");
    assertThat(models).extracting(m -> m.get("name").asText()).containsExactlyInAnyOrder("sentiment", "toy");
    assertThat(models).extracting(m -> m.get("kind").asText()).containsExactlyInAnyOrder("classify", "translate");
    assertThat(models.get(0).at("/manifest/format").asInt()).isPositive();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("seqpipe_requests_total{model=\"sentiment\",status=\"200\"}",
        "seqpipe_request_seconds_bucket{model=\"sentiment\",le=", "seqpipe_batch_texts_count{model=\"sentiment\"}",
        "seqpipe_queue_depth{model=\"toy\"}", "seqpipe_tokens_total{model=\"sentiment\"}",
        "seqpipe_tokens_per_second{model=\"sentiment\"}");
  }

  @Test
  void aBurstBeyondTheQueueGets503sAndTheServerRecovers() throws Exception {
    try (SeqpipeServer small = SeqpipeServer.start(ServerOptions.defaults(Map.of("toy", translator)).withPort(0)
        .withBatching(16, 50, 2))) {
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        burst.add(send(small.url(), "toy", Map.of("texts", List.of(sentences.get(i % sentences.size())), "beam", 8)));
      }
      int ok = 0;
      int refused = 0;
      for (CompletableFuture<HttpResponse<String>> future : burst) {
        HttpResponse<String> response = future.join();
        if (response.statusCode() == 503) {
          refused++;
          assertThat(response.headers().firstValue("retry-after")).isPresent();
          assertThat(JSON.readTree(response.body()).get("error").asText()).contains("requests are already waiting");
        } else {
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          ok++;
        }
      }
      assertThat(refused).as("refused").isPositive();
      assertThat(ok).as("answered").isPositive();
      assertThat(send(small.url(), "toy", Map.of("texts", List.of(sentences.get(0)))).join().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void sigtermFinishesTheRequestsInFlightAndExits() throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), SeqpipeCommand.class.getName(), "serve", "--model", translator.toString(),
        "--port", "0", "--max-wait-ms", "2000").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String url = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("listening on ")) {
          url = line.substring("listening on ".length());
          break;
        }
      }
      assertThat(url).as("the server said where it listens").startsWith("http://127.0.0.1:");
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        inFlight.add(send(url, "default", Map.of("texts", sentences.subList(i, i + 3))));
      }
      // the first request waits up to 2 s for others to join its batch: SIGTERM once all four are queued
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!metric(url, "seqpipe_queue_depth{model=\"default\"}").equals("4.0") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      process.destroy(); // SIGTERM
      for (CompletableFuture<HttpResponse<String>> response : inFlight) {
        assertThat(response.join().statusCode()).isEqualTo(200);
      }
      assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  /** A metric's value as the server's /metrics page prints it, or "" when absent. */
  private static String metric(String url, String name) throws Exception {
    String page = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return page.lines().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1))
        .findFirst().orElse("");
  }

  private static HttpResponse<String> post(String model, Object body) {
    return postAsync(model, body).join();
  }

  private static CompletableFuture<HttpResponse<String>> postAsync(String model, Object body) {
    return send(server.url(), model, body);
  }

  private static CompletableFuture<HttpResponse<String>> send(String url, String model, Object body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/models/" + model + "/predict"))
          .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
      return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
