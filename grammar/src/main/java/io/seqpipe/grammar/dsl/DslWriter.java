package io.seqpipe.grammar.dsl;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a spec as a {@code .pipe} file, every value explicit: reading it back gives an equal spec.
 *
 * <pre>{@code
 * String text = DslWriter.write(spec);
 * }</pre>
 */
public final class DslWriter {
  private DslWriter() {}

  public static String write(PipelineSpec spec) {
    StringBuilder out = new StringBuilder();
    out.append("pipeline ").append(spec.name()).append(" : ").append(spec.kind().id()).append(" {\n");
    boolean translate = spec.kind() == PipelineKind.TRANSLATE;
    if (translate) {
      line(out, 1, "source " + spec.source());
      line(out, 1, "target " + spec.target());
    }
    data(out, spec.data(), translate);
    analyzer(out, spec.analyzer());
    line(out, 1, "vocabulary(min_freq: " + spec.vocabulary().minFrequency() + ", max_size: "
        + spec.vocabulary().maxSize() + (translate ? ", shared: " + spec.vocabulary().shared() : "") + ")");
    EmbeddingsSpec embeddings = spec.embeddings();
    line(out, 1, "embeddings " + (embeddings.isPretrained()
        ? embeddings.type() + "(" + quote(embeddings.file()) + ", frozen: " + embeddings.frozen() + ")"
        : "learned(dim: " + embeddings.dimension() + ")"));
    EncoderSpec encoder = spec.encoder();
    line(out, 1, "encoder " + encoder.type() + "(hidden: " + encoder.hidden() + ", layers: " + encoder.layers()
        + ", dropout: " + number(encoder.dropout()) + ", residual: " + encoder.residual() + ")");
    if (translate) {
      DecoderSpec decoder = spec.decoder();
      line(out, 1, "decoder " + decoder.cell() + "(hidden: " + decoder.hidden() + ", layers: " + decoder.layers()
          + ", dropout: " + number(decoder.dropout()) + ", attention: " + decoder.attention() + ", input_feeding: "
          + decoder.inputFeeding() + ", tie_embeddings: " + decoder.tieEmbeddings() + ")");
      line(out, 1, "search " + search(spec.search()));
    } else {
      line(out, 1, "pooling " + spec.pooling());
    }
    train(out, spec.train(), translate);
    line(out, 1, "evaluate " + String.join(", ", spec.metrics()));
    out.append("}\n");
    return out.toString();
  }

  private static void data(StringBuilder out, DataSpec data, boolean translate) {
    line(out, 1, "data {");
    if (data.dataset() != null) {
      line(out, 2, "dataset " + data.dataset());
    }
    for (String[] file : new String[][] {{"train", data.train()}, {"dev", data.dev()}, {"test", data.test()}}) {
      if (file[1] != null) {
        line(out, 2, file[0] + " " + quote(file[1]));
      }
    }
    if (!translate) {
      line(out, 2, "text " + quote(data.textField()));
      line(out, 2, "label " + quote(data.labelField()));
    }
    line(out, 2, "test_split " + number(data.testSplit()));
    line(out, 2, "min_length " + data.minLength());
    line(out, 2, "max_length " + data.maxLength());
    line(out, 1, "}");
  }

  private static void analyzer(StringBuilder out, AnalyzerChoice analyzer) {
    if (analyzer.isPreset()) {
      line(out, 1, "analyzer " + analyzer.preset());
      return;
    }
    line(out, 1, "analyzer " + component(analyzer.tokenizer()) + " {");
    for (ComponentSpec charFilter : analyzer.charFilters()) {
      line(out, 2, "char_filter " + component(charFilter));
    }
    for (ComponentSpec filter : analyzer.filters()) {
      line(out, 2, filter.params().isEmpty() ? filter.name() : component(filter));
    }
    line(out, 1, "}");
  }

  private static String component(ComponentSpec component) {
    if (component.params().isEmpty()) {
      return component.name();
    }
    List<String> arguments = new ArrayList<>();
    for (Map.Entry<String, String> param : component.params().entrySet()) {
      arguments.add(param.getKey() + ": " + quote(param.getValue()));
    }
    return component.name() + "(" + String.join(", ", arguments) + ")";
  }

  private static String search(SearchSpec search) {
    String common = "max_ratio: " + number(search.maxRatio()) + ", min_length: " + search.minLength()
        + ", no_repeat_ngram: " + search.noRepeatNgram() + ", replace_unk: " + search.replaceUnk();
    if (search.type().equals("greedy")) {
      return "greedy(" + common + ")";
    }
    return "beam(size: " + search.beamSize() + ", alpha: " + number(search.alpha()) + ", n_best: " + search.nBest()
        + ", " + common + ")";
  }

  private static void train(StringBuilder out, TrainSpec train, boolean translate) {
    line(out, 1, "train {");
    TrainSpec.OptimizerSpec optimizer = train.optimizer();
    line(out, 2, "optimizer " + optimizer.type() + "(lr: " + number(optimizer.lr()) + ", weight_decay: "
        + number(optimizer.weightDecay()) + (optimizer.type().equals("sgd") ? ", momentum: " + number(optimizer.momentum()) : "")
        + ")");
    line(out, 2, "clip " + number(train.clip()));
    TrainSpec.ScheduleSpec schedule = train.schedule();
    line(out, 2, "schedule " + switch (schedule.type()) {
      case "plateau" -> "plateau(factor: " + number(schedule.factor()) + ", patience: " + schedule.patience()
          + ", min_lr: " + number(schedule.minLr()) + ")";
      case "cosine" -> "cosine(min_lr: " + number(schedule.minLr()) + ")";
      case "warmup_linear" -> "warmup_linear(warmup: " + schedule.warmup() + ")";
      default -> "constant";
    });
    line(out, 2, "epochs " + train.epochs());
    line(out, 2, "batch " + train.batchSize());
    line(out, 2, "batch_tokens " + train.batchTokens());
    line(out, 2, "early_stop(metric: " + train.earlyStop().metric() + ", patience: " + train.earlyStop().patience() + ")");
    line(out, 2, "label_smoothing " + number(train.labelSmoothing()));
    if (!translate) {
      line(out, 2, "class_weights " + train.classWeights());
    }
    line(out, 2, "seed " + train.seed());
    line(out, 2, "device " + quote(train.device()));
    line(out, 2, "engine " + train.engine());
    line(out, 1, "}");
  }

  private static void line(StringBuilder out, int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }

  /** A double as the DSL reads it back exactly. */
  static String number(double value) {
    return Double.toString(value);
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '$' -> out.append("\\$");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
