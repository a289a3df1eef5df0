package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Batch translation jobs over a toy model: input order, n-best output, and resumption after a kill. */
class TranslationJobTest {
  @TempDir static Path shared;
  private static Path model;
  @TempDir Path dir;

  /** Trains the toy model through {@code seqpipe run}, which also shows what the command prints. */
  @BeforeAll
  static void trainToyModel() throws Exception {
    Path file = ToyTranslation.write(shared);
    Path out = shared.resolve("run");
    StringWriter printed = new StringWriter();
    CommandLine commandLine = SeqpipeCommand.commandLine();
    commandLine.setOut(new PrintWriter(printed, true));
    assertThat(commandLine.execute("run", file.toString(), "--out", out.toString())).isZero();
    assertThat(printed.toString()).contains("dev   BLEU (greedy) ", "test  BLEU|nrefs:1|case:mixed", "test  greedy: BLEU ",
        "report: " + out.resolve("report.html"));
    model = out.resolve("model");
  }

  @Test
  void translatesInInputOrderWhateverTheWindowAndBatch() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(50, 3) + "\n  \n"
        + ToyTranslation.sources(48, 7));
    List<String> sentences = Files.readAllLines(input);
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      SearchSettings settings = translator.config().searchSettings();
      TranslationJob.Summary summary = new TranslationJob(translator, settings, 20, 7)
          .run(input, dir.resolve("out.en"));
      assertThat(summary.translated()).isEqualTo(100);
      List<String> lines = Files.readAllLines(dir.resolve("out.en"));
      assertThat(lines).isEqualTo(translator.translate(sentences));
      assertThat(lines).hasSize(100);
      assertThat(lines.subList(50, 52)).as("an empty and a blank line stay empty").containsOnly("");
      assertThat(lines.get(49)).isNotEmpty();
      assertThat(lines.get(52)).isNotEmpty();
      assertThat(TranslationJob.progressFile(dir.resolve("out.en"))).doesNotExist();
    }
  }

  @Test
  void writesNBestListsInMosesFormatBestFirst() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(10, 4));
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      new TranslationJob(translator, translator.config().searchSettings().withBeam(3, 3), 50, 4)
          .run(input, dir.resolve("out.en"));
    }
    List<String> lines = Files.readAllLines(dir.resolve("out.en"));
    assertThat(lines).hasSize(30);
    for (int sentence = 0; sentence < 10; sentence++) {
      double previous = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 3; k++) {
        String[] fields = lines.get(sentence * 3 + k).split(" \\|\\|\\| ");
        assertThat(fields).hasSize(3);
        assertThat(fields[0]).isEqualTo(Integer.toString(sentence));
        double score = Double.parseDouble(fields[2]);
        assertThat(score).isLessThanOrEqualTo(previous);
        previous = score;
      }
    }
  }

  @Test
  void aKilledJobRestartedWithTheSameArgumentsGivesTheUninterruptedOutput() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(300, 5));
    List<String> arguments = List.of("translate", "--model", model.toString(), "--input", input.toString(),
        "--beam", "2", "--window", "2");
    Path uninterrupted = dir.resolve("uninterrupted.en");
    assertThat(SeqpipeCommand.commandLine().execute(with(arguments, "--output", uninterrupted.toString())))
        .isZero();

    Path resumed = dir.resolve("resumed.en");
    Path progress = TranslationJob.progressFile(resumed);
    ProcessBuilder child = new ProcessBuilder(with(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), SeqpipeCommand.class.getName()),
        with(arguments, "--output", resumed.toString())))
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    Process process = child.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (linesDone(progress) < 40 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long killedAt = linesDone(progress);
    assertThat(killedAt).as("the job was killed part-way (see child.log)").isBetween(40L, 299L);

    assertThat(SeqpipeCommand.commandLine().execute(with(arguments, "--output", resumed.toString()))).isZero();
    assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(uninterrupted));
    assertThat(progress).doesNotExist();
  }

  @Test
  void refusesToResumeAJobWithOtherArgumentsAndKeepsItsOutput() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(20, 6));
    Path output = dir.resolve("out.en");
    Files.writeString(output, "earlier\n");
    Path progress = TranslationJob.progressFile(output);
    Files.writeString(progress, new ObjectMapper().writeValueAsString(new JobProgress("model=other", 1, 8)));
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      TranslationJob job = new TranslationJob(translator, translator.config().searchSettings(), 50, 4);
      assertThatThrownBy(() -> job.run(input, output)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(progress + ": left by a job with other arguments (model=other)");
    }
    assertThat(Files.readString(output)).isEqualTo("earlier\n");
  }

  private static long linesDone(Path progress) {
    try {
      return new ObjectMapper().readValue(progress.toFile(), JobProgress.class).linesDone();
    } catch (Exception notYet) {
      return -1;
    }
  }

  private static String[] with(List<String> first, String... more) {
    return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
  }
}
