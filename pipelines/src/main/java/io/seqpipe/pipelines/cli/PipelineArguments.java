package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A pipeline file and its {@code --set} overrides, as the commands that read pipelines take them. */
final class PipelineArguments {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.pipe or .yaml).")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value, e.g. train.epochs=3 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Mixin EngineArguments engine;

  /** The validated pipeline; every problem is reported by the exception. */
  LoadedPipeline load() {
    return load(List.of());
  }

  /** The validated pipeline with {@code more} overrides after the command line's. */
  LoadedPipeline load(List<String> more) {
    return PipelineFiles.load(file, overrides(more), RegisteredNames.INSTANCE);
  }

  /** The command line's overrides ({@code --set}, then the engine options as overrides), then {@code more}. */
  List<String> overrides(List<String> more) {
    List<String> all = new ArrayList<>(overrides);
    if (engine.engine != null) {
      all.add("train.engine=" + engine.engine);
    }
    if (engine.device != null) {
      all.add("train.device=\"" + engine.device + "\"");
    }
    all.addAll(more);
    return all;
  }
}
