package io.seqpipe.pipelines.spec;

import ai.djl.training.optimizer.Optimizer;
import io.seqpipe.grammar.spec.AnalyzerChoice;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.spec.TrainSpec;
import io.seqpipe.models.train.LearningRateSchedule;
import io.seqpipe.nlp.analysis.AnalyzerSpec;
import io.seqpipe.nlp.analysis.AnalyzerSpec.Component;
import java.util.List;

/**
 * The runtime objects a spec's component descriptions stand for: analyzers, optimizers, schedules.
 *
 * <pre>{@code
 * AnalyzerSpec analyzer = Components.analyzer(spec.analyzer());
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
    return Component.of(spec.name(), spec.params());
  }

  public static LearningRateSchedule schedule(TrainSpec train) {
    TrainSpec.ScheduleSpec s = train.schedule();
    return LearningRateSchedule.of(s.type(), (float) train.optimizer().lr(), (float) s.factor(), s.patience(),
        s.warmup(), (float) s.minLr());
  }

  public static Optimizer optimizer(TrainSpec train, LearningRateSchedule schedule) {
    TrainSpec.OptimizerSpec o = train.optimizer();
    float decay = (float) o.weightDecay();
    return switch (o.type()) {
      case "sgd" -> Optimizer.sgd().setLearningRateTracker(schedule).optMomentum((float) o.momentum())
          .optWeightDecays(decay).build();
      case "adamw" -> Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(decay).build();
      default -> Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays(decay).build();
    };
  }
}
