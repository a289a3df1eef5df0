package io.seqpipe.grammar.write;

import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EmbeddingsSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.ForecastSpec;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.grammar.spec.SweepSpec;
import io.seqpipe.grammar.spec.TextPipelineSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.grammar.spec.TranslateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec as the entries a pipeline file holds, every value explicit: the one place that spells every
 * key. Values are text, numbers, booleans, lists, nested entries ({@code Map}) and {@link Component}s;
 * {@link io.seqpipe.grammar.dsl.DslWriter} and {@link io.seqpipe.grammar.yaml.YamlWriter} print it, and
 * reading either back gives an equal spec.
 *
 * <pre>{@code
 * Map<String, Object> entries = SpecTree.of(spec);
 * entries.get("pipeline");   // the name
 * }</pre>
 */
public final class SpecTree {
  /** A component entry: {@code name} or {@code name(param: value, ...)}. */
  public record Component(String name, Map<String, Object> params) {}

  private SpecTree() {}

  /** The entries, in the order files write them ({@code pipeline} and {@code kind} first). */
  public static Map<String, Object> of(PipelineSpec spec) {
    return spec instanceof ForecastSpec forecast ? forecast(forecast) : text((TextPipelineSpec) spec);
  }

  private static Map<String, Object> forecast(ForecastSpec spec) {
    Map<String, Object> root = header(spec);
    Map<String, Object> data = new LinkedHashMap<>();
    files(data, spec.data());
    ForecastSpec.Series series = spec.series();
    data.put("time", series.time());
    data.put("target", series.targets().size() == 1 ? series.targets().get(0) : series.targets());
    data.put("features", series.features());
    if (series.season() > 0) {
      data.put("season", series.season());
    }
    data.put("missing", series.missing());
    root.put("data", data);
    root.put("window", entries("input", spec.window().input(), "horizon", spec.window().horizon(), "stride",
        spec.window().stride()));
    root.put("scale", spec.scale());
    root.put("calendar", spec.calendar());
    root.put("encoder", encoder(spec.encoder()));
    root.put("head", spec.head());
    Map<String, Object> train = train(spec.train());
    train.remove("batch_tokens");      // windows are all as long
    train.remove("label_smoothing");   // a regression loss
    root.put("train", train);
    root.put("evaluate", spec.metrics());
    sweep(root, spec);
    return root;
  }

  private static Map<String, Object> header(PipelineSpec spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeline", spec.name());
    root.put("kind", spec.kind().id());
    return root;
  }

  private static Map<String, Object> text(TextPipelineSpec spec) {
    Map<String, Object> root = header(spec);
    if (spec instanceof TranslateSpec translate) {
      root.put("source", translate.source());
      root.put("target", translate.target());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (spec instanceof ClassifySpec classify && classify.fields().dataset() != null) {
      data.put("dataset", classify.fields().dataset());
    }
    files(data, spec.data());
    if (spec instanceof ClassifySpec classify) {
      data.put("text", classify.fields().text());
      data.put("label", classify.fields().label());
    }
    data.put("test_split", spec.data().testSplit());
    if (spec.data().splitSeed() != null) {
      data.put("split_seed", spec.data().splitSeed());
    }
    data.put("min_length", spec.data().minLength());
    data.put("max_length", spec.data().maxLength());
    root.put("data", data);
    root.put("analyzer", analyzer(spec.analyzer()));
    if (spec.subword() != null) {
      root.put("subword", component(spec.subword()));
    }
    Map<String, Object> vocabulary = entries("min_freq", spec.vocabulary().minFrequency(), "max_size",
        spec.vocabulary().maxSize());
    if (spec instanceof TranslateSpec) {
      vocabulary.put("shared", spec.vocabulary().shared());
    }
    root.put("vocabulary", vocabulary);
    root.put("embeddings", embeddings(spec.embeddings()));
    root.put("encoder", encoder(spec.encoder()));
    if (spec instanceof TranslateSpec translate) {
      DecoderSpec decoder = translate.decoder();
      root.put("decoder", new Component(decoder.cell(), entries("hidden", decoder.hidden(), "layers", decoder.layers(),
          "dropout", decoder.dropout(), "input_dropout", decoder.inputDropout(),
          "word_dropout", decoder.wordDropout(), "attention", decoder.attention(), "input_feeding", decoder.inputFeeding(),
          "tie_embeddings", decoder.tieEmbeddings())));
      root.put("search", search(translate.search()));
    }
    if (spec instanceof ClassifySpec classify) {
      root.put("pooling", classify.pooling());
    }
    Map<String, Object> train = train(spec.train());
    if (spec instanceof ClassifySpec classify) {
      train.put("class_weights", classify.classWeights());
    }
    root.put("train", train);
    root.put("evaluate", spec.metrics());
    sweep(root, spec);
    return root;
  }

  /** A value of a sweep's grid as the tree holds it: components as {@link Component}s, lists item by item. */
  public static Object value(Object value) {
    if (value instanceof ComponentSpec component) {
      Map<String, Object> params = new LinkedHashMap<>();
      component.params().forEach((name, param) -> params.put(name, value(param)));
      return new Component(component.name(), params);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SpecTree::value).toList();
    }
    return value;
  }

  private static void sweep(Map<String, Object> root, PipelineSpec spec) {
    if (spec.sweep() != null) {
      root.put("sweep", sweep(spec.sweep()));
    }
  }

  private static Map<String, Object> sweep(SweepSpec sweep) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!sweep.grid().isEmpty()) {
      Map<String, Object> grid = new LinkedHashMap<>();
      sweep.grid().forEach((key, values) -> grid.put(key, value(values)));
      out.put("grid", grid);
    }
    if (sweep.random() > 0) {
      out.put("random", sweep.random());
    }
    if (!sweep.ranges().isEmpty()) {
      Map<String, Object> ranges = new LinkedHashMap<>();
      sweep.ranges().forEach((key, range) -> {
        List<Object> bounds = new ArrayList<>(List.of(bound(range.low(), range.integer()),
            bound(range.high(), range.integer())));
        if (range.log()) {
          bounds.add("log");
        }
        ranges.put(key, bounds);
      });
      out.put("range", ranges);
    }
    out.put("halving", sweep.halving());
    out.put("seed", sweep.seed());
    return out;
  }

  private static Object bound(double value, boolean integer) {
    return integer ? (Object) Math.round(value) : (Object) value;
  }

  private static Component encoder(EncoderSpec encoder) {
    return new Component(encoder.type(), entries("hidden", encoder.hidden(), "layers", encoder.layers(),
        "dropout", encoder.dropout(), "input_dropout", encoder.inputDropout(), "word_dropout", encoder.wordDropout(),
        "residual", encoder.residual()));
  }

  private static void files(Map<String, Object> out, DataSpec data) {
    for (String[] file : new String[][] {{"train", data.train()}, {"dev", data.dev()}, {"test", data.test()}}) {
      if (file[1] != null) {
        out.put(file[0], file[1]);
      }
    }
  }

  private static Object analyzer(AnalyzerChoice analyzer) {
    if (analyzer.isPreset()) {
      return analyzer.preset();
    }
    return entries("tokenizer", component(analyzer.tokenizer()),
        "char_filters", analyzer.charFilters().stream().map(SpecTree::component).toList(),
        "filters", analyzer.filters().stream().map(SpecTree::component).toList());
  }

  private static Component component(ComponentSpec component) {
    return new Component(component.name(), component.params());
  }

  private static Component embeddings(EmbeddingsSpec embeddings) {
    if (!embeddings.isPretrained()) {
      return new Component(EmbeddingsSpec.LEARNED, entries("dim", embeddings.dimension()));
    }
    return new Component(embeddings.type(), embeddings.dataset() != null
        ? entries("dataset", embeddings.dataset(), "frozen", embeddings.frozen())
        : entries("file", embeddings.file(), "frozen", embeddings.frozen()));
  }

  private static Component search(SearchSpec search) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (search.type().equals("beam")) {
      params.putAll(entries("size", search.beamSize(), "alpha", search.alpha(), "n_best", search.nBest()));
    }
    params.putAll(entries("max_ratio", search.maxRatio(), "min_length", search.minLength(), "no_repeat_ngram",
        search.noRepeatNgram(), "replace_unk", search.replaceUnk(), "unk_lexicon", search.unkLexicon()));
    return new Component(search.type(), params);
  }

  private static Map<String, Object> train(TrainSpec train) {
    Map<String, Object> entries = entries("optimizer", component(train.optimizer()), "clip", train.clip(), "schedule",
        component(train.schedule()), "epochs", train.epochs(), "batch", train.batchSize(), "batch_tokens",
        train.batchTokens(), "early_stop", entries("metric", train.earlyStop().metric(), "patience",
            train.earlyStop().patience()), "label_smoothing", train.labelSmoothing(), "seed", train.seed(),
        "device", train.device(), "engine", train.engine());
    if (train.averageLast() > 0) {
      entries.put("average_last", train.averageLast());
    }
    return entries;
  }

  private static Map<String, Object> entries(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
