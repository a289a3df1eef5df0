package io.seqpipe.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.grammar.tree.Problem;
import io.seqpipe.grammar.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code forecast} kind: its entries, defaults, round trips, and its mistakes located. */
class ForecastPipelineTest {
  @TempDir static Path dir;

  static final String HEAD = "pipeline f : forecast {\n  data { train \"train.csv\"; dev \"dev.csv\"; target \"y\" }\n"
      + "  window(input: 8, horizon: 2)\n";

  @BeforeAll
  static void dataFiles() throws Exception {
    for (String name : List.of("train.csv", "dev.csv", "test.csv")) {
      Files.writeString(dir.resolve(name), "date,y\n");
    }
  }

  private static PipelineSpec parse(String text, String source) {
    Format format = source.endsWith(".pipe") ? Format.PIPE : Format.YAML;
    return PipelineFiles.parse(text, source, format, dir, List.of(), TestNames.INSTANCE, n -> null).spec();
  }

  @Test
  void theIssuesPipelineReadsWithEveryDefaultFilledIn() {
    ForecastSpec spec = (ForecastSpec) parse("""
        pipeline ridership : forecast {
          data { train "train.csv"; dev "dev.csv"; test "test.csv"; time "date"; target "ridership"; features [temp, weather_rain, Bulls_Home] }
          window(input: 28, horizon: 7, stride: 1)
          scale standard            // or minmax, none
          calendar [day_of_week, month, holiday_us]
          encoder lstm(hidden: 64, layers: 2, dropout: 0.2)
          head dense
          train { optimizer adam(lr: 1e-3); epochs 50; batch 64; early_stop(metric: mae, patience: 5) }
          evaluate mae, rmse, mape, smape, mase
        }
        """, "r.pipe");
    assertThat(spec.kind()).isEqualTo(PipelineKind.FORECAST);
    assertThat(spec.data().test()).isEqualTo("test.csv");
    assertThat(spec.series()).isEqualTo(new ForecastSpec.Series("date", List.of("ridership"),
        List.of("temp", "weather_rain", "Bulls_Home"), 0, "error"));
    assertThat(spec.window()).isEqualTo(new ForecastSpec.WindowSpec(28, 7, 1));
    assertThat(spec.calendar()).containsExactly("day_of_week", "month", "holiday_us");
    assertThat(spec.encoder().type()).isEqualTo("lstm");
    assertThat(spec.train().earlyStop().metric()).isEqualTo("mae");
    assertThat(spec.metrics()).containsExactly("mae", "rmse", "mape", "smape", "mase");
  }

  @Test
  void defaultsAndRoundTripsThroughBothFormats() {
    ForecastSpec spec = (ForecastSpec) parse(HEAD + "}\n", "f.pipe");
    assertThat(spec.scale()).isEqualTo("standard");
    assertThat(spec.calendar()).isEmpty();
    assertThat(spec.head()).isEqualTo("dense");
    assertThat(spec.encoder().type()).isEqualTo("lstm");
    assertThat(spec.window().stride()).isEqualTo(1);
    assertThat(spec.series().time()).isEqualTo("date");
    assertThat(spec.metrics()).containsExactly("mae", "rmse", "mape", "smape", "mase");
    for (String text : List.of(HEAD + "}\n", "pipeline f : forecast {\n  data { train \"train.csv\"; dev \"dev.csv\"; "
        + "target [a, b]; features [c]; season 7; missing previous; time \"t\" }\n  window(input: 3, horizon: 1, "
        + "stride: 2)\n  scale minmax\n  calendar [month]\n  encoder gru(hidden: 8)\n  head autoregressive\n}\n")) {
      PipelineSpec original = parse(text, "f.pipe");
      assertThat(parse(DslWriter.write(original), "c.pipe")).isEqualTo(original);
      assertThat(parse(YamlWriter.write(original), "c.yaml")).isEqualTo(original);
    }
  }

  @Test
  void theExamplesForecastRidershipAndSunspots() {
    ForecastSpec ridership = (ForecastSpec) ExamplesTest.load(ExamplesTest.EXAMPLES.resolve("ridership.pipe")).spec();
    assertThat(ridership.series().targets()).containsExactly("ridership");
    assertThat(ridership.series().season()).isEqualTo(7);
    assertThat(ridership.window()).isEqualTo(new ForecastSpec.WindowSpec(28, 7, 1));
    ForecastSpec sunspots = (ForecastSpec) ExamplesTest.load(ExamplesTest.EXAMPLES.resolve("sunspots.yaml")).spec();
    assertThat(sunspots.series().time()).isEqualTo("month");
    assertThat(sunspots.series().season()).as("inferred from the monthly step at run time").isZero();
    assertThat(sunspots.calendar()).isEmpty();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("text entries", HEAD + "  analyzer standard\n  vocabulary(min_freq: 2)\n  pooling max\n}\n", List.of(
            "t.pipe:4:3: 'analyzer' applies to text pipelines (classify, translate), not to forecast",
            "t.pipe:6:3: 'pooling' applies to text pipelines (classify, translate), not to forecast",
            "t.pipe:5:3: 'vocabulary' applies to text pipelines (classify, translate), not to forecast")),
        Arguments.of("text training entries", HEAD + "  train { label_smoothing 0.1 }\n}\n", List.of(
            "t.pipe:4:11: 'train.label_smoothing' applies to text pipelines (classify, translate), not to forecast")),
        Arguments.of("forecast entries in a classify pipeline",
            "pipeline p : classify {\n  data { train \"train.csv\"; dev \"dev.csv\" }\n  window(input: 3, horizon: 1)\n"
                + "  scale none\n}\n", List.of("t.pipe:3:3: 'window' applies to forecast pipelines only",
                "t.pipe:4:3: 'scale' applies to forecast pipelines only")),
        Arguments.of("no window, no target", "pipeline f : forecast {\n  data { train \"train.csv\"; dev \"dev.csv\" }\n}\n",
            List.of("t.pipe:2:8: missing 'data.target': the column (or columns, [a, b]) to forecast, e.g. target \"sales\"",
                "t.pipe:1:1: missing 'window': the steps each window reads and forecasts, e.g. window(input: 28, horizon: 7)")),
        Arguments.of("window without a horizon", HEAD.replace("input: 8, horizon: 2", "input: 8") + "}\n",
            List.of("t.pipe:3:3: missing 'window.horizon': steps forecast at once")),
        Arguments.of("zero input", HEAD.replace("input: 8", "input: 0") + "}\n",
            List.of("t.pipe:3:17: 'window.input' must be between 1 and 100000, found 0")),
        Arguments.of("unknown calendar feature", HEAD + "  calendar [day_of_week, weekday, month, month]\n}\n",
            List.of("t.pipe:4:26: unknown calendar feature 'weekday' (known: day_of_week, holiday_us, month)",
                "t.pipe:4:42: duplicate calendar feature 'month'")),
        Arguments.of("unknown scaling and head", HEAD + "  scale robust\n  head autoregresive\n}\n",
            List.of("t.pipe:4:9: unknown scale 'robust' (known: minmax, none, standard)",
                "t.pipe:5:8: unknown head 'autoregresive'; did you mean 'autoregressive'? (known: autoregressive, dense)")),
        Arguments.of("bidirectional encoder", HEAD + "  encoder bilstm(hidden: 8)\n}\n",
            List.of("t.pipe:4:11: forecast pipelines read each window forwards up to the forecast origin: use lstm or gru, not bilstm")),
        Arguments.of("classification metric", HEAD + "  evaluate mae, f1_macro\n  train { early_stop(metric: accuracy) }\n}\n",
            List.of("t.pipe:5:30: unknown train.early_stop.metric 'accuracy' (known: loss, mae, mape, mase, rmse, smape)",
                "t.pipe:4:17: unknown metric 'f1_macro' (known: mae, mape, mase, rmse, smape)")),
        Arguments.of("feature that is the target", HEAD.replace("target \"y\"", "target \"y\"; features [x, y]") + "}\n",
            List.of("t.pipe:2:65: 'data.features' lists 'y', which is already the target")),
        Arguments.of("classify data entries", HEAD.replace("target \"y\"", "target \"y\"; text \"t\"; max_length 9") + "}\n",
            List.of("t.pipe:2:56: 'data.text' applies to text pipelines (classify, translate), not to forecast",
                "t.pipe:2:66: 'data.max_length' applies to text pipelines (classify, translate), not to forecast")),
        Arguments.of("missing file", HEAD.replace("dev.csv", "nope.csv") + "}\n",
            List.of("t.pipe:2:33: file not found: " + "DIR/nope.csv")),
        Arguments.of("YAML without train", "pipeline: f\nkind: forecast\ndata: {dev: dev.csv, target: y}\n"
            + "window: {input: 2, horizon: 1}\n", List.of("t.yaml:3:7: missing 'data.train': the train series, a CSV file with a header row")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakesAreLocated(String name, String text, List<String> expected) {
    String source = text.startsWith("pipeline:") ? "t.yaml" : "t.pipe";
    assertThatThrownBy(() -> parse(text, source)).isInstanceOfSatisfying(PipelineException.class, e -> assertThat(
        e.problems().stream().map(Problem::toString).map(line -> line.replace(dir.toString(), "DIR")))
        .containsExactlyInAnyOrderElementsOf(expected));
  }
}
