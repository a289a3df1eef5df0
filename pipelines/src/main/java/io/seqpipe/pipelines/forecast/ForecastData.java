package io.seqpipe.pipelines.forecast;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.nlp.series.SeriesColumns;
import io.seqpipe.nlp.series.SeriesReader;
import io.seqpipe.nlp.series.TimeSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A forecast pipeline's series: train, then dev continuing it, then test (if any) continuing dev, read
 * as one series with the rows of each split marked.
 *
 * <pre>{@code
 * ForecastData data = ForecastData.load(pipeline, spec);
 * data.series().value(data.trainRows(), 0);    // dev's first target value
 * }</pre>
 *
 * @param series every row, train first
 * @param files the files read, by role
 */
record ForecastData(TimeSeries series, int trainRows, int devRows, int testRows, Map<String, Path> files) {

  static ForecastData load(LoadedPipeline pipeline, ForecastSpec spec) throws IOException {
    ForecastSpec.Series columns = spec.series();
    SeriesReader reader = SeriesReader.of(new SeriesColumns(columns.time(), columns.targets(), columns.features(),
        SeriesColumns.MissingValues.fromId(columns.missing())));
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("train", pipeline.resolve(spec.data().train()));
    files.put("dev", pipeline.resolve(spec.data().dev()));
    if (spec.data().test() != null) {
      files.put("test", pipeline.resolve(spec.data().test()));
    }
    TimeSeries train = reader.read(files.get("train"));
    TimeSeries dev = reader.continuing(train, files.get("dev"));
    TimeSeries all = train.append(dev);
    int testRows = 0;
    if (files.containsKey("test")) {
      TimeSeries test = reader.continuing(dev, files.get("test"));
      all = all.append(test);
      testRows = test.size();
    }
    return new ForecastData(all, train.size(), dev.size(), testRows, files);
  }

  /** The training rows alone (for fitting the scaler and MASE's scale). */
  double[][] trainValues() {
    return Arrays.copyOf(series.values(), trainRows);
  }
}
