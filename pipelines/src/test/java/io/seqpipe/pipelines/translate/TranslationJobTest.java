package io.seqpipe.pipelines.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.pipelines.cli.CommandRun;
import io.seqpipe.pipelines.cli.SeqpipeCommand;
import io.seqpipe.pipelines.model.Inference;
import io.seqpipe.pipelines.model.ModelOptions;
import io.seqpipe.seq2seq.search.LengthPenalty;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** Batches searched side by side (PyTorch) give the one-thread output, byte for byte, greedy and with a beam. */
  @Test
  void searchingBatchesSideBySideGivesTheOneThreadOutput() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(120, 9));
    for (String beam : List.of("1", "3")) {
      List<String> arguments = List.of("translate", "--model", model.toString(), "--engine", "pytorch", "--input",
          input.toString(), "--beam", beam, "--batch-tokens", "30");
      Path one = dir.resolve("one-" + beam + ".en");
      Path three = dir.resolve("three-" + beam + ".en");
      assertThat(SeqpipeCommand.commandLine().execute(with(arguments, "--threads", "1", "--output", one.toString())))
          .isZero();
      assertThat(SeqpipeCommand.commandLine().execute(with(arguments, "--threads", "3", "--output", three.toString())))
          .isZero();
      assertThat(Files.readAllLines(three)).as("beam " + beam).hasSize(120).isEqualTo(Files.readAllLines(one));
      assertThat(Files.readAllBytes(three)).isEqualTo(Files.readAllBytes(one));
    }
  }

  /** {@code --alpha} searches with that length penalty: the translations of the model's search with it. */
  @Test
  void aLengthPenaltyOnTheCommandLineIsTheSearchWithThatPenalty() throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(40, 11));
    Path output = dir.resolve("out.en");
    assertThat(SeqpipeCommand.commandLine().execute("translate", "--model", model.toString(), "--input",
        input.toString(), "--output", output.toString(), "--beam", "3", "--alpha", "2.5")).isZero();
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      SearchSettings penalised = translator.config().searchSettings().withBeam(3, 1)
          .withPenalty(new LengthPenalty(2.5));
      assertThat(translator.settings(new Inference(3, 1, 2.5))).isEqualTo(penalised);
      assertThat(translator.settings(new Inference(null, null, 2.5)).penalty().alpha()).isEqualTo(2.5);
      assertThat(Files.readAllLines(output)).hasSize(40)
          .isEqualTo(translator.translate(Files.readAllLines(input), penalised).stream().map(n -> n.get(0)).toList());
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
    killPartWay(with(arguments, "--output", resumed.toString()), progress);

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
    Files.writeString(progress, new ObjectMapper().writeValueAsString(new JobProgress("model=other", 1, null, 8)));
    try (Translator translator = Translator.load(model, ModelOptions.DEFAULT)) {
      TranslationJob job = new TranslationJob(translator, translator.config().searchSettings(), 50, 4);
      assertThatThrownBy(() -> job.run(input, output)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(progress + ": left by a job with other arguments (model=other)");
    }
    assertThat(Files.readString(output)).isEqualTo("earlier\n");
  }

  @Test
  void refusesToResumeWhenTheTranslatedLinesChangedAndKeepsTheOutput() throws Exception {
    String sources = ToyTranslation.sources(300, 5);
    Path input = Files.writeString(dir.resolve("in.es"), sources);
    Path output = dir.resolve("out.en");
    Path progress = TranslationJob.progressFile(output);
    String[] arguments = {"translate", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString(), "--window", "2"};
    long done = killPartWay(arguments, progress);
    byte[] written = Files.readAllBytes(output);
    String progressRecord = Files.readString(progress);
    // the same size, one letter of the first line changed
    Files.writeString(input, (sources.charAt(0) == 'k' ? "p" : "k") + sources.substring(1));

    CommandRun run = CommandRun.of(arguments);

    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(run.err()).isEqualTo("seqpipe: " + input + ": lines 1-" + done + " changed since an earlier run of this"
        + " job translated them; delete " + progress + " to translate the input again from the start\n");
    assertThat(Files.readAllBytes(output)).isEqualTo(written);
    assertThat(progress).hasContent(progressRecord);
  }

  /** Through the command line: an output that is the input, by any name, is refused before anything is written. */
  @Test
  void refusesAnOutputThatIsTheInput() throws Exception {
    String sources = ToyTranslation.sources(5, 8);
    Path input = Files.writeString(dir.resolve("in.es"), sources);
    Path symlink = Files.createSymbolicLink(dir.resolve("link.es"), input);
    Path hardLink = Files.createLink(dir.resolve("hard.es"), input);
    for (Path output : List.of(input, symlink, hardLink, dir.resolve(".").resolve("in.es"))) {
      CommandRun run = CommandRun.of("translate", "--model", model.toString(), "--input", input.toString(),
          "--output", output.toString());
      assertThat(run.exitCode()).as(output.toString()).isEqualTo(SeqpipeCommand.BAD_INPUT);
      assertThat(run.err()).isEqualTo("seqpipe: " + output + ": is the input file " + input
          + "; write the translations to another file\n");
      assertThat(input).hasContent(sources);
      assertThat(TranslationJob.progressFile(output)).doesNotExist();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threads | 0    | --threads must be >= 1, got 0",
      "--alpha   | -0.5 | alpha must be a number >= 0, found -0.5"})
  void aBadSearchOptionIsOneLineAndNoOutput(String option, String value, String message) throws Exception {
    Path input = Files.writeString(dir.resolve("in.es"), ToyTranslation.sources(3, 8));
    Path output = dir.resolve("out.en");
    CommandRun run = CommandRun.of("translate", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString(), option, value);
    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(run.err()).isEqualTo("seqpipe: " + message + "\n");
    assertThat(output).doesNotExist();
  }

  @Test
  void badUtf8InTheInputIsOneLocatedLineAndNoOutput() throws Exception {
    Path input = Files.write(dir.resolve("in.es"), new byte[] {'k', 'a', '\n', 'l', 'o', ' ', (byte) 0xE9, '\n'});
    Path output = dir.resolve("out.en");
    CommandRun run = CommandRun.of("translate", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString());
    assertThat(run.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(run.err()).isEqualTo("seqpipe: " + input + ":2:4: invalid UTF-8 (byte 0xE9);"
        + " expected UTF-8 text\n");
    assertThat(output).doesNotExist();
  }

  /**
   * Starts {@code arguments} in a child process and kills it once its progress file records 40 lines or
   * more; returns the lines it records then.
   */
  private static long killPartWay(String[] arguments, Path progress) throws Exception {
    Path log = progress.resolveSibling(progress.getFileName() + ".child.log");
    ProcessBuilder child = new ProcessBuilder(with(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), SeqpipeCommand.class.getName()), arguments))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = child.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (linesDone(progress) < 40 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long killedAt = linesDone(progress);
    assertThat(killedAt).as("the job was killed part-way (see " + log + ")").isBetween(40L, 299L);
    return killedAt;
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
