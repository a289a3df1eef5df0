package io.seqpipe.nlp.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.series.SeriesColumns.MissingValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Series files read exactly, and every kind of damage as one located line (FILE stands for the path). */
class SeriesReaderTest {
  private static final SeriesColumns COLUMNS =
      new SeriesColumns("date", List.of("y"), List.of("x"), MissingValues.ERROR);

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsDailyValuesTargetsFirst() throws IOException {
    TimeSeries series = SeriesReader.of(COLUMNS).read(write("s.csv", "x,date,y\n1.5,2015-01-01,10\n2,2015-01-02,11\n"));
    assertThat(series.size()).isEqualTo(2);
    assertThat(series.step()).isEqualTo(new TimeStep(0, 86_400));
    assertThat(series.values()).isDeepEqualTo(new double[][] {{10, 1.5}, {11, 2}});
    assertThat(series.lines()).containsExactly(2, 3);
    assertThat(series.next()).isEqualTo(LocalDateTime.parse("2015-01-03T00:00"));
    assertThat(series.step().defaultSeason()).isEqualTo(7);
  }

  @Test
  void monthsAreAStepOfOneMonthWithASeasonOfTwelve() throws IOException {
    SeriesColumns columns = new SeriesColumns("month", List.of("n"), List.of(), MissingValues.ERROR);
    TimeSeries series = SeriesReader.of(columns).read(write("m.csv", "month,n\n1749-01,58\n1749-02,62.6\n1749-03,70\n"));
    assertThat(series.step()).isEqualTo(new TimeStep(1, 0));
    assertThat(series.step().defaultSeason()).isEqualTo(12);
    assertThat(series.format().format(series.next())).isEqualTo("1749-04");
  }

  @Test
  void aContinuationStartsOneStepAfterThePreviousEnd() throws IOException {
    SeriesReader reader = SeriesReader.of(COLUMNS);
    TimeSeries train = reader.read(write("train.csv", "date,y,x\n2015-01-01,1,0\n2015-01-02,2,0\n"));
    TimeSeries dev = reader.continuing(train, write("dev.csv", "date,y,x\n2015-01-03,3,0\n"));
    assertThat(train.append(dev).column(0)).containsExactly(1, 2, 3);
    Path late = write("late.csv", "date,y,x\n2015-01-05,3,0\n");
    assertThatThrownBy(() -> reader.continuing(train, late)).isInstanceOf(InputFormatException.class)
        .hasMessage(late + ":2:1: expected 2015-01-03 (one step of 1 day after the end of " + dir.resolve("train.csv")
            + "), found '2015-01-05' (a gap; declare missing previous to fill gaps with the last row)");
  }

  @Test
  void missingValuesCarryForwardWhenDeclared() throws IOException {
    SeriesColumns columns = new SeriesColumns("date", List.of("y"), List.of("x"), MissingValues.PREVIOUS);
    TimeSeries series = SeriesReader.of(columns).read(write("s.csv", "date,y,x\n2015-01-01,1,5\n2015-01-02,NA,\n"));
    assertThat(series.values()).isDeepEqualTo(new double[][] {{1, 5}, {1, 5}});
  }

  @Test
  void gapsAreFilledWithThePreviousRowWhenDeclared() throws IOException {
    SeriesColumns columns = new SeriesColumns("date", List.of("y"), List.of("x"), MissingValues.PREVIOUS);
    TimeSeries series = SeriesReader.of(columns).read(write("s.csv", "date,y,x\n2015-01-01,1,5\n2015-01-02,2,6\n"
        + "2015-01-05,3,7\n"));
    assertThat(series.values()).isDeepEqualTo(new double[][] {{1, 5}, {2, 6}, {2, 6}, {2, 6}, {3, 7}});
    assertThat(series.lines()).containsExactly(2, 3, 4, 4, 4);
    assertThat(series.times().get(3)).isEqualTo(LocalDateTime.parse("2015-01-04T00:00"));
    Path far = write("far.csv", "date,y,x\n2015-01-01,1,5\n2015-01-02,2,6\n2515-01-05,3,7\n");
    assertThatThrownBy(() -> SeriesReader.of(columns).read(far)).hasMessage(far + ":4:1: found '2515-01-05', more than "
        + "10000 steps of 1 day after line 3: a gap too long to fill");
  }

  static Stream<Arguments> damaged() {
    return Stream.of(
        Arguments.of("", "FILE:1:1: expected a header row, found an empty file"),
        Arguments.of("date,y\n2015-01-01,1\n2015-01-02,2\n", "FILE:1:1: expected a column 'x'; the header has: date, y"),
        Arguments.of("date,y,x\n", "FILE:2:1: expected at least one row after the header, found none"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n", "FILE:2:1: expected at least two rows to tell the time step, found one"),
        Arguments.of("date,y,x\n01/02/2015,1,0\n", "FILE:2:1: expected a time in column 'date' (YYYY-MM, YYYY-MM-DD or "
            + "YYYY-MM-DDTHH:MM[:SS]), found '01/02/2015'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,1,0\n2015-1-3,1,0\n",
            "FILE:4:1: expected a date (YYYY-MM-DD) in column 'date' like the rows before, found '2015-1-3'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,1,0\n2015-01-04,1,0\n",
            "FILE:4:1: expected 2015-01-03 (one step of 1 day after line 3), found '2015-01-04' (a gap; declare missing previous to fill gaps with the last row)"),
        Arguments.of("date,y,x\n2015-01-02,1,0\n2015-01-02,1,0\n",
            "FILE:3:1: expected a time after 2015-01-02 (line 2), found '2015-01-02'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,1,0\n2015-01-02,1,0\n",
            "FILE:4:1: expected 2015-01-03 (one step of 1 day after line 3), found '2015-01-02'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,abc,0\n",
            "FILE:3:12: expected a number in column 'y', found 'abc'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,1,Infinity\n",
            "FILE:3:14: expected a number in column 'x', found 'Infinity'"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,,0\n", "FILE:3:12: missing value in column 'y' (declare "
            + "missing previous to carry the last value forward)"),
        Arguments.of("date,y,x\n2015-01-01,1,0\n2015-01-02,1\n", "FILE:3:1: expected 3 fields as in the header, found 2"));
  }

  @ParameterizedTest
  @MethodSource("damaged")
  void damagedFilesFailOnOneLocatedLine(String text, String expected) throws IOException {
    Path file = write("bad.csv", text);
    assertThatThrownBy(() -> SeriesReader.of(COLUMNS).read(file)).isInstanceOf(InputFormatException.class)
        .hasMessage(expected.replace("FILE", file.toString()));
  }
}
