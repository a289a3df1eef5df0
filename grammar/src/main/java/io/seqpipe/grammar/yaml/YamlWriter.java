package io.seqpipe.grammar.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.grammar.spec.DecoderSpec;
import io.seqpipe.grammar.spec.EmbeddingsSpec;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.grammar.spec.PipelineKind;
import io.seqpipe.grammar.spec.PipelineSpec;
import io.seqpipe.grammar.spec.SearchSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a spec as YAML, key for key with the DSL (components as {@code {type: name, ...}}); reading it
 * back gives an equal spec.
 *
 * <pre>{@code
 * String yaml = YamlWriter.write(spec);
 * }</pre>
 */
public final class YamlWriter {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();

  private YamlWriter() {}

  public static String write(PipelineSpec spec) {
    try {
      return YAML.writeValueAsString(tree(spec));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> tree(PipelineSpec spec) {
    boolean translate = spec.kind() == PipelineKind.TRANSLATE;
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeline", spec.name());
    root.put("kind", spec.kind().id());
    if (translate) {
      root.put("source", spec.source());
      root.put("target", spec.target());
    }
    root.put("data", data(spec.data(), translate));
    root.put("analyzer", analyzer(spec.analyzer()));
    Map<String, Object> vocabulary = map("min_freq", spec.vocabulary().minFrequency(), "max_size",
        spec.vocabulary().maxSize());
    if (translate) {
      vocabulary.put("shared", spec.vocabulary().shared());
    }
    root.put("vocabulary", vocabulary);
    EmbeddingsSpec embeddings = spec.embeddings();
    root.put("embeddings", embeddings.isPretrained()
        ? map("type", embeddings.type(), "file", embeddings.file(), "frozen", embeddings.frozen())
        : map("type", EmbeddingsSpec.LEARNED, "dim", embeddings.dimension()));
    EncoderSpec encoder = spec.encoder();
    root.put("encoder", map("type", encoder.type(), "hidden", encoder.hidden(), "layers", encoder.layers(),
        "dropout", encoder.dropout(), "residual", encoder.residual()));
    if (translate) {
      DecoderSpec decoder = spec.decoder();
      root.put("decoder", map("type", decoder.cell(), "hidden", decoder.hidden(), "layers", decoder.layers(),
          "dropout", decoder.dropout(), "attention", decoder.attention(), "input_feeding", decoder.inputFeeding(),
          "tie_embeddings", decoder.tieEmbeddings()));
      root.put("search", search(spec.search()));
    } else {
      root.put("pooling", spec.pooling());
    }
    root.put("train", train(spec.train(), translate));
    root.put("evaluate", spec.metrics());
    return root;
  }

  private static Map<String, Object> data(DataSpec data, boolean translate) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (data.dataset() != null) {
      out.put("dataset", data.dataset());
    }
    putIfPresent(out, "train", data.train());
    putIfPresent(out, "dev", data.dev());
    putIfPresent(out, "test", data.test());
    if (!translate) {
      out.put("text", data.textField());
      out.put("label", data.labelField());
    }
    out.put("test_split", data.testSplit());
    out.put("min_length", data.minLength());
    out.put("max_length", data.maxLength());
    return out;
  }

  private static Object analyzer(AnalyzerChoice analyzer) {
    if (analyzer.isPreset()) {
      return analyzer.preset();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tokenizer", component(analyzer.tokenizer()));
    List<Object> charFilters = new ArrayList<>();
    analyzer.charFilters().forEach(c -> charFilters.add(component(c)));
    List<Object> filters = new ArrayList<>();
    analyzer.filters().forEach(f -> filters.add(component(f)));
    out.put("char_filters", charFilters);
    out.put("filters", filters);
    return out;
  }

  private static Object component(ComponentSpec component) {
    if (component.params().isEmpty()) {
      return component.name();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", component.name());
    out.putAll(component.params());
    return out;
  }

  private static Map<String, Object> search(SearchSpec search) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", search.type());
    if (search.type().equals("beam")) {
      out.put("size", search.beamSize());
      out.put("alpha", search.alpha());
      out.put("n_best", search.nBest());
    }
    out.put("max_ratio", search.maxRatio());
    out.put("min_length", search.minLength());
    out.put("no_repeat_ngram", search.noRepeatNgram());
    out.put("replace_unk", search.replaceUnk());
    return out;
  }

  private static Map<String, Object> train(TrainSpec train, boolean translate) {
    Map<String, Object> out = new LinkedHashMap<>();
    TrainSpec.OptimizerSpec optimizer = train.optimizer();
    Map<String, Object> optimizerMap = map("type", optimizer.type(), "lr", optimizer.lr(), "weight_decay",
        optimizer.weightDecay());
    if (optimizer.type().equals("sgd")) {
      optimizerMap.put("momentum", optimizer.momentum());
    }
    out.put("optimizer", optimizerMap);
    out.put("clip", train.clip());
    TrainSpec.ScheduleSpec schedule = train.schedule();
    out.put("schedule", switch (schedule.type()) {
      case "plateau" -> map("type", "plateau", "factor", schedule.factor(), "patience", schedule.patience(),
          "min_lr", schedule.minLr());
      case "cosine" -> map("type", "cosine", "min_lr", schedule.minLr());
      case "warmup_linear" -> map("type", "warmup_linear", "warmup", schedule.warmup());
      default -> "constant";
    });
    out.put("epochs", train.epochs());
    out.put("batch", train.batchSize());
    out.put("batch_tokens", train.batchTokens());
    out.put("early_stop", map("metric", train.earlyStop().metric(), "patience", train.earlyStop().patience()));
    out.put("label_smoothing", train.labelSmoothing());
    if (!translate) {
      out.put("class_weights", train.classWeights());
    }
    out.put("seed", train.seed());
    out.put("device", train.device());
    out.put("engine", train.engine());
    return out;
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
