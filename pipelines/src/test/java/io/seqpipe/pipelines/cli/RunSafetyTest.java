package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.pipelines.ToyData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} and {@code predict} refuse, through the command line, each as one line and exit 2:
 * output directories that are not theirs, data a classifier cannot learn from, input that is not UTF-8.
 */
class RunSafetyTest {
  @TempDir static Path dir;
  static Path pipeline;
  /** A one-epoch run of the toy pipeline into a directory that was empty. */
  static Path run;

  @BeforeAll
  static void oneEpochRun() throws Exception {
    pipeline = ToyData.write(dir);
    run = Files.createDirectories(dir.resolve("run"));
    CommandRun trained = CommandRun.of("run", pipeline.toString(), "--set", "train.epochs=1", "--out", run.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
  }

  @Test
  void aRerunOfTheSamePipelineResumesInItsDirectory() throws Exception {
    assertThat(run.resolve(".seqpipe-run")).hasContent("toy\n");
    CommandRun again = CommandRun.of("run", pipeline.toString(), "--set", "train.epochs=1", "--out", run.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(run.resolve("model/manifest.json")).exists();
  }

  @Test
  void aNonEmptyDirectoryThatIsNoRunIsRefusedAndKept() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "years of work");
    assertRefused(List.of("--out", mine.toString()),
        mine + ": not empty and not a Seqpipe run (no .seqpipe-run); choose a new or empty directory for --out");
    try (var entries = Files.list(mine)) {
      assertThat(entries).containsExactly(mine.resolve("thesis.tex"));
    }
    assertThat(mine.resolve("thesis.tex")).hasContent("years of work");
  }

  @Test
  void aRunOfAnotherPipelineIsRefused() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other").resolve("checkpoints"));
    Files.writeString(other.resolveSibling(".seqpipe-run"), "sentiment\n");
    assertRefused(List.of("--out", other.getParent().toString()),
        other.getParent() + ": holds a run of pipeline 'sentiment', not 'toy'; choose another directory for --out");
    assertThat(other.getParent().resolve(".seqpipe-run")).hasContent("sentiment\n");
  }

  @Test
  void anOutputThatCannotBeADirectoryIsRefusedAtOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertRefused(List.of("--out", file.toString()), file + ": not a directory; choose a directory for --out");
    Path under = file.resolve("run");
    assertRefused(List.of("--out", under.toString()), under + ": cannot create the output directory (Not a directory)");
  }

  @Test
  void aTrainingSetWithOneLabelIsRefused() throws Exception {
    Path train = Files.writeString(dir.resolve("one-label.tsv"),
        Files.readString(dir.resolve("train.tsv")).replace("negative\t", "positive\t"));
    Path file = Files.writeString(dir.resolve("one-label.pipe"), ToyData.PIPELINE.replace("\"train.tsv\"", "\"one-label.tsv\""));
    CommandRun refused = CommandRun.of("run", file.toString(), "--out", dir.resolve("one-label-run").toString());
    assertThat(refused.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(refused.err()).isEqualTo("seqpipe: " + train + ": expected at least two labels, found only 'positive' in 192"
        + " training examples\n");
  }

  @Test
  void aTestLabelUnseenInTrainingIsRefusedBeforeTraining() throws Exception {
    Path test = Files.writeString(dir.resolve("test.tsv"), "label\ttext\npositive\tit was great\nneutral\tit was a phone\n");
    Path file = Files.writeString(dir.resolve("unseen.pipe"), ToyData.PIPELINE.replace("test_split 0.2", "test \"test.tsv\""));
    Path out = dir.resolve("unseen-run");
    CommandRun refused = CommandRun.of("run", file.toString(), "--out", out.toString());
    assertThat(refused.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(refused.err()).isEqualTo("seqpipe: " + test + ":3:1: label 'neutral' does not occur in the training data"
        + " [negative, positive]\n");
    assertThat(out.resolve("checkpoints")).doesNotExist();
  }

  @Test
  void predictLocatesBadUtf8InAFileAndInStandardInput() throws Exception {
    byte[] text = {'f', 'i', 'n', 'e', '\n', 'p', 'o', 'o', (byte) 0xE9, 'r', '\n'};
    Path input = Files.write(dir.resolve("latin1.txt"), text);
    String model = run.resolve("model").toString();
    CommandRun fromFile = CommandRun.of("predict", "--model", model, "--input", input.toString());
    assertThat(fromFile.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(fromFile.err()).isEqualTo("seqpipe: " + input + ":2:4: invalid UTF-8 (byte 0xE9); expected UTF-8 text\n");
    assertThat(fromFile.out()).isEmpty();
    CommandRun fromStdin = CommandRun.withStdin(text, "predict", "--model", model);
    assertThat(fromStdin.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(fromStdin.err()).isEqualTo("seqpipe: <stdin>:2:4: invalid UTF-8 (byte 0xE9); expected UTF-8 text\n");
  }

  private static void assertRefused(List<String> outArguments, String message) {
    List<String> arguments = new java.util.ArrayList<>(List.of("run", pipeline.toString()));
    arguments.addAll(outArguments);
    CommandRun refused = CommandRun.of(arguments.toArray(String[]::new));
    assertThat(refused.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(refused.err()).isEqualTo("seqpipe: " + message + "\n");
    assertThat(refused.out()).isEmpty();
  }
}
