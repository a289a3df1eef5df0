package io.seqpipe.pipelines.components;

import io.seqpipe.grammar.catalog.Catalog;
import io.seqpipe.grammar.catalog.Family;
import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.models.nn.CellType;
import io.seqpipe.models.nn.EmbeddingDropout;
import io.seqpipe.models.nn.RecurrentEncoder;
import io.seqpipe.grammar.spec.EncoderSpec;
import io.seqpipe.models.train.AdamOptimizer;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.models.train.ResumableOptimizer;
import io.seqpipe.models.train.SgdOptimizer;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.AnalyzerSpec.Component;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime objects a spec's components stand for, built by the names and parameters of the {@link
 * Catalog}: analyzers, recurrent encoders, optimizers and schedules. An unknown name is an error that
 * lists the known ones, never a fallback.
 *
 * <pre>{@code
 * AnalyzerSpec analyzer = Components.analyzer(spec.analyzer());
 * LearningRateSchedule schedule = Components.schedule(spec.train());
 * ResumableOptimizer optimizer = Components.optimizer(spec.train(), schedule);
 * }</pre>
 */
public final class Components {
  private Components() {}

  public static AnalyzerSpec analyzer(AnalyzerChoice choice) {
    if (choice.isPreset()) {
      return AnalyzerSpec.preset(choice.preset());
    }
    return AnalyzerSpec.chain(components(choice.charFilters()), component(choice.tokenizer()),
        components(choice.filters()));
  }

  private static List<Component> components(List<ComponentSpec> specs) {
    return specs.stream().map(Components::component).toList();
  }

  private static Component component(ComponentSpec spec) {
    Map<String, String> params = new TreeMap<>();
    spec.params().forEach((name, value) -> params.put(name, String.valueOf(value)));
    return Component.of(spec.name(), params);
  }

  /** The recurrent encoder an {@code encoder} entry describes, untrained. */
  public static RecurrentEncoder encoder(EncoderSpec encoder) {
    return new RecurrentEncoder(CellType.fromId(encoder.cell()), encoder.hidden(), encoder.layers(),
        encoder.bidirectional(), encoder.dropout(),
        new EmbeddingDropout(encoder.inputDropout(), encoder.wordDropout()), encoder.residual());
  }

  public static LearningRateSchedule schedule(TrainSpec train) {
    return LearningRateSchedule.of(train.schedule().name(), (float) train.optimizer().number("lr"),
        train.schedule().params());
  }

  /** The spec's optimizer, whose state checkpoints keep. */
  public static ResumableOptimizer optimizer(TrainSpec train, LearningRateSchedule schedule) {
    ComponentSpec o = train.optimizer();
    float decay = (float) o.number("weight_decay");
    return switch (o.name()) {
      case "sgd" -> new SgdOptimizer(schedule, (float) o.number("momentum"), decay);
      case "adamw" -> AdamOptimizer.adamW(schedule, decay);
      case "adam" -> AdamOptimizer.adam(schedule, decay);
      default -> throw new IllegalArgumentException(
          "unknown optimizer '" + o.name() + "'; known: " + Catalog.names(Family.OPTIMIZER));
    };
  }
}
