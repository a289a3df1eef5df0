package io.seqpipe.pipelines.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.pipelines.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged series files stop {@code seqpipe run} with one located line and exit code 2, before any training. */
class BadSeriesTest {
  @TempDir Path dir;

  private CommandRun run(String train, String dev) throws Exception {
    Files.writeString(dir.resolve("train.csv"), train);
    Files.writeString(dir.resolve("dev.csv"), dev);
    Files.writeString(dir.resolve("test.csv"), "date,y,x\n");
    Path pipe = Files.writeString(dir.resolve("p.pipe"), SyntheticSeries.PIPELINE.replace("test \"test.csv\"; ", ""));
    return CommandRun.of("run", pipe.toString(), "--out", dir.resolve("run").toString(), "--quiet");
  }

  private static String rows(int from, int count) {
    StringBuilder out = new StringBuilder("date,y,x\n");
    for (int i = 0; i < count; i++) {
      out.append(LocalDate.of(2020, 1, 1).plusDays(from + i)).append(",1.5,2\n");
    }
    return out.toString();
  }

  @Test
  void aMissingValueInTrain() throws Exception {
    CommandRun run = run(rows(0, 40).replace("2020-01-05,1.5,2", "2020-01-05,,2"), rows(40, 10));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + dir.resolve("train.csv") + ":6:12: missing value in column 'y' "
        + "(declare missing previous to carry the last value forward)\n");
  }

  @Test
  void devThatDoesNotContinueTrain() throws Exception {
    CommandRun run = run(rows(0, 40), rows(41, 10));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + dir.resolve("dev.csv") + ":2:1: expected 2020-02-10 (one step of 1 day "
        + "after the end of " + dir.resolve("train.csv") + "), found '2020-02-11' (a gap; declare missing previous to fill gaps with the last row)\n");
  }

  @Test
  void devShorterThanTheHorizon() throws Exception {
    CommandRun run = run(rows(0, 40), rows(40, 2));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + dir.resolve("dev.csv") + ": dev has too few rows for the horizon (3): "
        + "needs at least 3 after the split before\n");
  }

  @Test
  void anUnparseableNumber() throws Exception {
    CommandRun run = run(rows(0, 40), rows(40, 10).replace("2020-02-12,1.5,2", "2020-02-12,1.5,two"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("seqpipe: " + dir.resolve("dev.csv") + ":4:16: expected a number in column 'x', "
        + "found 'two'\n");
  }
}
