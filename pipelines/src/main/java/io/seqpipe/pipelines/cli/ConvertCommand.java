package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.Format;
import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.PipelineFiles;
import io.seqpipe.grammar.dsl.DslWriter;
import io.seqpipe.grammar.yaml.YamlWriter;
import io.seqpipe.nlp.io.AtomicFiles;
import io.seqpipe.pipelines.components.RegisteredNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqpipe convert FILE --to yaml|pipe}: the same pipeline in the other format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Write a pipeline in the other format; reading the result gives the same pipeline.")
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.pipe or .yaml).")
  Path file;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "yaml or pipe.")
  String to;

  @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Format format = switch (to.toLowerCase(Locale.ROOT)) {
      case "yaml", "yml" -> Format.YAML;
      case "pipe", "dsl" -> Format.PIPE;
      default -> throw new IllegalArgumentException("unknown format '" + to + "'; expected yaml or pipe");
    };
    LoadedPipeline loaded = PipelineFiles.load(file, List.of(), RegisteredNames.INSTANCE);
    String text = format == Format.YAML ? YamlWriter.write(loaded.spec()) : DslWriter.write(loaded.spec());
    if (output == null) {
      spec.commandLine().getOut().print(text);
    } else {
      AtomicFiles.writeString(output, text);
    }
    return 0;
  }
}
