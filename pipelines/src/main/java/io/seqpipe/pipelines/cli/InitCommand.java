package io.seqpipe.pipelines.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe init classify|translate|forecast}: writes a commented, valid starting pipeline ({@link
 * PipelineTemplate}), to a new file or to standard output.
 *
 * <pre>{@code
 * seqpipe init classify --data data/ --out reviews.pipe
 * seqpipe init translate --data corpus/ --format yaml --out de-en.yaml
 * }</pre>
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a commented starting pipeline (classify, translate or forecast), with the data found in --data DIR.")
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "classify|translate|forecast", description = "The kind of pipeline.")
  String kind;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where the data is: classify: train/dev[/test] .tsv or .csv with a header; translate: train.xx/.yy, "
          + "dev.xx/.yy; forecast: train/dev[/test].csv with a time column.")
  Path data;

  @Option(names = "--out", paramLabel = "FILE", description = "The pipeline file to write (not overwritten); default: standard output.")
  Path out;

  @Option(names = "--format", paramLabel = "pipe|yaml",
      description = "The file's language (default: from --out's extension, else pipe).")
  String format;

  @Override
  public Integer call() throws IOException {
    boolean yaml = yaml();
    Path base = out == null ? Path.of("") : out.toAbsolutePath().getParent();
    String text = switch (kind) {
      case "classify" -> PipelineTemplate.classify(data, base, yaml);
      case "translate" -> PipelineTemplate.translate(data, base, yaml);
      case "forecast" -> PipelineTemplate.forecast(data, base, yaml);
      default -> throw new IllegalArgumentException("init makes classify, translate or forecast pipelines, not '" + kind
          + "'");
    };
    if (out == null) {
      spec.commandLine().getOut().print(text);
    } else {
      if (Files.exists(out)) {
        throw new IllegalArgumentException(out + " exists; not overwriting it");
      }
      Files.writeString(out, text);
      spec.commandLine().getOut().println("wrote " + out + "; next: seqpipe validate " + out + " && seqpipe run " + out);
    }
    return 0;
  }

  private boolean yaml() {
    if (format == null) {
      return out != null && out.toString().matches(".*\\.ya?ml");
    }
    return switch (format) {
      case "pipe" -> false;
      case "yaml" -> true;
      default -> throw new IllegalArgumentException("--format takes pipe or yaml, not '" + format + "'");
    };
  }
}
