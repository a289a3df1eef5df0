package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.pipelines.ToyData;
import io.seqpipe.pipelines.experiments.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of the toy pipeline: the table, the page and best/, resumption, halving, bad keys. */
class SweepCommandTest {
  @TempDir static Path dir;
  static Path pipeline;

  @BeforeAll
  static void learnableData() throws Exception {
    pipeline = ToyData.write(dir);
  }

  private static CommandRun sweep(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("sweep", pipeline.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesTheTableThePageAndTheBestModelAndResumesAKilledSweep() throws Exception {
    Path out = dir.resolve("grid");
    String[] args = {"--grid", "encoder.hidden=8,16", "--grid", "train.optimizer.lr=0.01,0.03", "--set", "train.epochs=1"};
    CommandRun run = sweep(out, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("best: trial ", "report: " + out.resolve("sweep.html"));

    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).isEqualTo("trial,encoder.hidden,train.optimizer.lr,dev f1_macro,test f1_macro,epochs,"
        + "train_seconds,status");
    assertThat(csv.subList(1, 5)).allMatch(line -> line.matches(".*,1,\\d+\\.\\d,done"));
    String best = csv.get(1).split(",")[0];
    assertThat(Files.readString(out.resolve("best/manifest.json")))
        .isEqualTo(Files.readString(out.resolve("trials/" + best + "/model/manifest.json")));
    assertThat(Files.readString(out.resolve("sweep.html"))).contains("<img src=\"dev-1.png\"", "<img src=\"dev-2.png\"");
    assertThat(Files.readAllBytes(out.resolve("dev-1.png"))).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(out.resolve("sweep.json"))).contains("\"encoder.hidden\" : \"16\"");

    // killed during the last trial: its report is missing; the others must not run again
    Files.delete(out.resolve("trials/004/report.json"));
    List<FileTime> before = new ArrayList<>();
    for (String trial : List.of("001", "002", "003")) {
      before.add(Files.getLastModifiedTime(out.resolve("trials/" + trial + "/report.json")));
    }
    CommandRun again = sweep(out, args);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("trial 004").doesNotContain("trial 001 ", "trial 002 ", "trial 003 ");
    assertThat(out.resolve("trials/004/report.json")).exists();
    for (int i = 0; i < 3; i++) {
      assertThat(Files.getLastModifiedTime(out.resolve("trials/00" + (i + 1) + "/report.json"))).isEqualTo(before.get(i));
    }

    CommandRun other = sweep(out, "--grid", "encoder.hidden=8,32", "--set", "train.epochs=1");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).isEqualTo("seqpipe: " + out + ": holds a sweep with another plan (sweep.json); start it"
        + " again with the same arguments, or choose another --out\n");
  }

  @Test
  void halvingContinuesTheBetterHalf() throws Exception {
    Path out = dir.resolve("halving");
    CommandRun run = sweep(out, "--random", "4", "--range", "train.optimizer.lr=1e-4:3e-2:log", "--seed", "3",
        "--halving", "--set", "train.epochs=4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("round 1 of 3: 4 trials", "round 2 of 3: 2 trials", "round 3 of 3: 1 trials");
    List<String[]> rows = Files.readAllLines(out.resolve("sweep.csv")).stream().skip(1).map(l -> l.split(",")).toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().filter(r -> r[6].equals("done")).count()).isEqualTo(1);
    assertThat(rows.stream().filter(r -> r[6].equals("dropped")).count()).isEqualTo(3);
    List<Double> kept = new ArrayList<>();
    List<Double> droppedFirst = new ArrayList<>();
    for (String[] row : rows) {
      double devAfterOne = TrialResult.devWithin(out.resolve("trials/" + row[0]), 1);
      (Integer.parseInt(row[4]) > 1 ? kept : droppedFirst).add(devAfterOne);
    }
    assertThat(kept).hasSize(2);
    assertThat(droppedFirst).hasSize(2);
    assertThat(kept.stream().mapToDouble(Double::doubleValue).min().getAsDouble())
        .isGreaterThanOrEqualTo(droppedFirst.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
    String done = rows.stream().filter(r -> r[6].equals("done")).findFirst().orElseThrow()[0];
    assertThat(Files.readString(out.resolve("best/manifest.json")))
        .isEqualTo(Files.readString(out.resolve("trials/" + done + "/model/manifest.json")));
  }

  @Test
  void parallelTrialsRunAsChildProcesses() throws Exception {
    Path out = dir.resolve("parallel");
    CommandRun run = sweep(out, "--grid", "encoder.hidden=8,16", "--parallel", "2", "--set", "train.epochs=1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(3);
    assertThat(out.resolve("trials/001.log")).exists();
    assertThat(out.resolve("trials/002/report.json")).exists();
  }

  @Test
  void aBadGridKeyIsOnePositionedLineBeforeAnyTraining() {
    Path out = dir.resolve("bad");
    CommandRun run = sweep(out, "--grid", "encoder.hiden=8,16");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("--set encoder.hiden:1:1: unknown entry 'encoder.hiden'");
    assertThat(out).doesNotExist();
  }

  @Test
  void theFilesBlockIsSweptWhenNoOptionsAreGivenAndOptionsReplaceIt() throws Exception {
    Path file = Files.writeString(dir.resolve("swept.pipe"), ToyData.PIPELINE.substring(0,
        ToyData.PIPELINE.lastIndexOf('}')) + "  sweep {\n    grid { encoder.hidden [8, 16] }\n  }\n}\n");
    Path out = dir.resolve("block");
    CommandRun run = CommandRun.of("sweep", file.toString(), "--set", "train.epochs=1", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(3)
        .anyMatch(line -> line.startsWith("001,8,")).anyMatch(line -> line.startsWith("002,16,"));

    Path replaced = dir.resolve("replaced");
    CommandRun options = CommandRun.of("sweep", file.toString(), "--grid", "encoder.dropout=0.1", "--set",
        "train.epochs=1", "--out", replaced.toString());
    assertThat(options.exitCode()).as(options.err()).isZero();
    List<String> csv = Files.readAllLines(replaced.resolve("sweep.csv"));
    assertThat(csv).hasSize(2);
    assertThat(csv.get(0)).startsWith("trial,encoder.dropout,");
  }

  @Test
  void aFileWithoutABlockAndNoOptionsIsOneLine() {
    Path out = dir.resolve("nothing");
    CommandRun run = sweep(out);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + pipeline + ": no sweep { ... } block to run; add one, or give"
        + " --grid KEY=V1,V2 or --random N with --range KEY=LOW:HIGH\n");
    assertThat(out).doesNotExist();
  }
}
