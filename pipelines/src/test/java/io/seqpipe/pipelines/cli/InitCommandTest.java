package io.seqpipe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pipeline 'seqpipe init' writes validates, in both languages, with and without --data. */
class InitCommandTest {
  @TempDir Path dir;

  private PipelineSpec init(String file, String... arguments) throws Exception {
    Path out = dir.resolve(file);
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of("--out", out.toString()));
    CommandRun run = CommandRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).startsWith("# ").contains("# ");
    return PipelineFiles.load(out, List.of(), RegisteredNames.INSTANCE).spec();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipe", "yaml"})
  void classifyWithoutDataUsesTheSentimentDataset(String format) throws Exception {
    ClassifySpec spec = (ClassifySpec) init("c." + format, "init", "classify");
    assertThat(spec.fields().dataset()).isEqualTo("uci-sentiment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipe", "yaml"})
  void classifyFindsTheFilesAndColumns(String format) throws Exception {
    Path data = Files.createDirectories(dir.resolve("reviews"));
    for (String split : List.of("train", "dev")) {
      Files.writeString(data.resolve(split + ".csv"), "id,Sentiment,review\n1,pos,\"Great phone\"\n");
    }
    ClassifySpec spec = (ClassifySpec) init("c." + format, "init", "classify", "--data", data.toString(), "--format",
        format);
    assertThat(spec.data().train()).isEqualTo("reviews/train.csv");
    assertThat(spec.data().dev()).isEqualTo("reviews/dev.csv");
    assertThat(spec.data().testSplit()).isEqualTo(0.1);
    assertThat(spec.fields().text()).isEqualTo("review");
    assertThat(spec.fields().label()).isEqualTo("Sentiment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipe", "yaml"})
  void translateFindsThePrefixesAndLanguages(String format) throws Exception {
    Path data = Files.createDirectories(dir.resolve("corpus"));
    for (String file : List.of("train.es", "train.en", "dev.es", "dev.en", "test.es", "test.en", "notes.txt")) {
      Files.writeString(data.resolve(file), "hola\n");
    }
    TranslateSpec spec = (TranslateSpec) init("t." + format, "init", "translate", "--data", data.toString());
    assertThat(spec.source()).isEqualTo("es");
    assertThat(spec.target()).isEqualTo("en");
    assertThat(spec.data().test()).isEqualTo("corpus/test");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipe", "yaml"})
  void translateWithoutDataExpectsDataBesideIt(String format) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    for (String file : List.of("train.de", "train.en", "dev.de", "dev.en")) {
      Files.writeString(dir.resolve("data").resolve(file), "hallo\n");
    }
    TranslateSpec spec = (TranslateSpec) init("t." + format, "init", "translate");
    assertThat(spec.data().train()).isEqualTo("data/train");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipe", "yaml"})
  void forecastFindsTheSeriesItsTimeColumnAndTarget(String format) throws Exception {
    Path data = Files.createDirectories(dir.resolve("series"));
    for (String file : List.of("train.csv", "dev.csv")) {
      Files.writeString(data.resolve(file), "temp,day,sales\n1,2015-01-01,3\n2,2015-01-02,4\n");
    }
    ForecastSpec spec = (ForecastSpec) init("f." + format, "init", "forecast", "--data", data.toString());
    assertThat(spec.data().train()).isEqualTo("series/train.csv");
    assertThat(spec.data().test()).isNull();
    assertThat(spec.series().time()).isEqualTo("day");
    assertThat(spec.series().targets()).containsExactly("sales");
    assertThat(spec.calendar()).containsExactly("day_of_week", "month", "holiday_us");
  }

  @ParameterizedTest
  @ValueSource(strings = {"classify", "translate", "forecast"})
  void printsToStandardOutputAndRefusesUnknownKinds(String kind) {
    CommandRun run = CommandRun.of("init", kind);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("pipeline", ": " + kind + " {");
    CommandRun bad = CommandRun.of("init", "regress");
    assertThat(bad.exitCode()).isEqualTo(SeqpipeCommand.BAD_INPUT);
    assertThat(bad.err()).isEqualTo("seqpipe: init makes classify, translate or forecast pipelines, not 'regress'\n");
  }
}
