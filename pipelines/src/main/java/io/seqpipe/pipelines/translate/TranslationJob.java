package io.seqpipe.pipelines.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seqpipe.models.progress.Progress;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.nlp.io.Utf8Reader;
import io.seqpipe.pipelines.OutputLines;
import io.seqpipe.seq2seq.search.SearchSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch translation job over a file of any size: reads a window of lines at a time (memory bounded
 * by the window, not the file), lets the translator sort the window by length into batches of similar
 * sentences, and appends the translations in input order. After each window the output is forced to
 * disk and {@code OUTPUT.progress} records the lines done; a killed job started again with the same
 * arguments truncates the output to the last recorded window and continues, so its output is the
 * same, byte for byte, as that of an uninterrupted run.
 *
 * <p>Output: one translation a line; with an n-best list of {@code n > 1}, {@code n} lines a sentence
 * in Moses format, {@code INDEX ||| TRANSLATION ||| SCORE}.
 *
 * <pre>{@code
 * try (Translator translator = Pipelines.loadModel(model, ModelOptions.DEFAULT, Translator.class)) {
 *   SearchSettings beam5 = translator.config().searchSettings().withBeam(5, 1);
 *   new TranslationJob(translator, beam5, 1500, 2000).run(Path.of("news.de"), Path.of("news.en"));
 * }
 * }</pre>
 */
public final class TranslationJob {
  /** Lines read, sorted and translated together when none are given. */
  public static final int DEFAULT_WINDOW = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Translator translator;
  private final SearchSettings settings;
  private final int batchTokens;
  private final int window;
  private final int threads;

  /** A job searching one batch at a time. */
  public TranslationJob(Translator translator, SearchSettings settings, int batchTokens, int window) {
    this(translator, settings, batchTokens, window, 1);
  }

  /**
   * @param translator a saved model: a resumed job checks by its fingerprint that it is the same one
   * @param threads batches searched side by side (see {@link Translator#translations(List, SearchSettings, int,
   *     int)}); the output does not depend on it, so a job may resume with another number
   */
  public TranslationJob(Translator translator, SearchSettings settings, int batchTokens, int window, int threads) {
    requirePositive("--batch-tokens", batchTokens);
    requirePositive("--window", window);
    requirePositive("--threads", threads);
    this.translator = translator;
    this.settings = settings;
    this.batchTokens = batchTokens;
    this.window = window;
    this.threads = threads;
  }

  private static void requirePositive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be >= 1, got " + value);
    }
  }

  /** What was done: sentences translated by this run and sentences found done by an earlier one. */
  public record Summary(long translated, long resumedFrom, double seconds) {}

  /**
   * Translates {@code input} into {@code output}, or finishes the job an earlier run of the same arguments
   * left. Refused before anything is written: an output (or its progress file) that is the input, bad
   * UTF-8 in the input (located), and a progress file whose translated lines are no longer the input's.
   */
  public Summary run(Path input, Path output) throws IOException {
    long started = System.nanoTime();
    Path progressFile = progressFile(output);
    refuseWritingOver(input, output);
    refuseWritingOver(input, progressFile);
    String fingerprint = fingerprint(input);
    JobProgress progress = resumePoint(progressFile, fingerprint, output);
    long total = countLines(input);
    try (BufferedReader reader = Utf8Reader.open(input)) {
      LineDigest digest = new LineDigest();
      skipDone(reader, progress, digest, input, progressFile);
      try (FileChannel channel = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          Progress bar = Progress.start("translate", total, "sent")) {
        channel.truncate(progress.outputBytes());
        channel.position(progress.outputBytes());
        bar.stepTo(progress.linesDone(), "");
        long lines = progress.linesDone();
        List<String> sentences = new ArrayList<>(window);
        while (true) {
          sentences.clear();
          String line;
          while (sentences.size() < window && (line = reader.readLine()) != null) {
            sentences.add(line);
            digest.add(line);
          }
          if (sentences.isEmpty()) {
            break;
          }
          List<List<Translation>> translations = translator.translations(sentences, settings, batchTokens, threads);
          channel.write(ByteBuffer.wrap(format(lines, translations).getBytes(StandardCharsets.UTF_8)));
          channel.force(false);
          lines += sentences.size();
          AtomicFiles.writeString(progressFile, JSON.writeValueAsString(new JobProgress(fingerprint, lines,
              digest.hex(), channel.position())));
          bar.stepTo(lines, "");
        }
        Files.deleteIfExists(progressFile);
        return new Summary(lines - progress.linesDone(), progress.linesDone(), (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /** Refuses a file to write that is the input: the same path, a link to it or a hard link. */
  private static void refuseWritingOver(Path input, Path written) throws IOException {
    if (Files.exists(written) && Files.isSameFile(input, written)) {
      throw new IllegalArgumentException(written + ": is the input file " + input
          + "; write the translations to another file");
    }
  }

  /** Where a job writing {@code output} keeps its progress. */
  public static Path progressFile(Path output) {
    return output.resolveSibling(output.getFileName() + ".progress");
  }

  private String fingerprint(Path input) throws IOException {
    return String.join("|", "model=" + translator.fingerprint(), "input=" + input.toAbsolutePath().normalize(),
        "input_bytes=" + Files.size(input), "beam=" + settings.beamSize(), "n_best=" + settings.nBest(),
        "alpha=" + settings.penalty().alpha(),
        "batch_tokens=" + batchTokens, "window=" + window);
  }

  private static JobProgress resumePoint(Path progressFile, String fingerprint, Path output) throws IOException {
    if (!Files.exists(progressFile)) {
      return new JobProgress(fingerprint, 0, null, 0);
    }
    JobProgress progress;
    try {
      progress = JSON.readValue(progressFile.toFile(), JobProgress.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(progressFile + ": unreadable job progress (" + e.getMessage().lines()
          .findFirst().orElse("") + "); delete it to start the job again");
    }
    if (!progress.fingerprint().equals(fingerprint)) {
      throw new IllegalArgumentException(progressFile + ": left by a job with other arguments (" + progress.fingerprint()
          + "); run that job again to finish it, or delete the file to start this one");
    }
    long written = Files.exists(output) ? Files.size(output) : 0;
    if (written < progress.outputBytes()) {
      throw new IllegalArgumentException(output + ": shorter (" + written + " bytes) than its progress file records ("
          + progress.outputBytes() + "); delete " + progressFile + " to start the job again");
    }
    return progress;
  }

  private static long countLines(Path input) throws IOException {
    long count = 0;
    try (BufferedReader reader = Utf8Reader.open(input)) {
      while (reader.readLine() != null) {
        count++;
      }
    }
    return count;
  }

  /** Reads the lines an earlier run translated, checking that they are still the ones it translated. */
  private static void skipDone(BufferedReader reader, JobProgress progress, LineDigest digest, Path input,
      Path progressFile) throws IOException {
    for (long line = 1; line <= progress.linesDone(); line++) {
      String text = reader.readLine();
      if (text == null) {
        throw new IllegalArgumentException(input + ":" + (line - 1) + ": ends before line " + progress.linesDone()
            + ", which an earlier run of this job had translated; the input changed");
      }
      digest.add(text);
    }
    if (progress.linesDone() > 0 && !digest.hex().equals(progress.linesSha256())) {
      throw new IllegalArgumentException(input + ": lines 1-" + progress.linesDone() + " changed since an earlier run"
          + " of this job translated them; delete " + progressFile + " to translate the input again from the start");
    }
  }

  private String format(long firstIndex, List<List<Translation>> translations) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < translations.size(); i++) {
      for (String line : OutputLines.translation(firstIndex + i, translations.get(i), settings.nBest())) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
