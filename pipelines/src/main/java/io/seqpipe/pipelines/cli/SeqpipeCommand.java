package io.seqpipe.pipelines.cli;

import io.seqpipe.grammar.tree.PipelineException;
import io.seqpipe.models.train.TrainingDivergedException;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.io.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import io.seqpipe.pipelines.logging.Logs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.RunLast;

/**
 * The {@code seqpipe} command line.
 *
 * <pre>{@code
 * seqpipe run examples/sentiment.pipe --out runs/sentiment
 * seqpipe predict --model runs/sentiment/model < sentences.txt
 * seqpipe translate --model runs/ding/model --input news.de --output news.en --beam 5
 * seqpipe average --model runs/ding-1/model --model runs/ding-2/model --output runs/ding-avg
 * seqpipe evaluate --model runs/sentiment/model --data test.tsv
 * seqpipe data fetch uci-sentiment
 * seqpipe validate examples/sentiment.pipe --set train.epochs=3 --print
 * seqpipe convert examples/sentiment.pipe --to yaml
 * seqpipe score bleu --hyp out.en --ref ref.en
 * seqpipe score f1 --gold gold.txt --pred pred.txt --json
 * seqpipe run examples/sentiment.pipe --log-format json 2> events.jsonl
 * }</pre>
 *
 * <p>Exit codes: 0 success, 2 bad input or usage (one line on standard error, never a stack trace; a
 * JSON object with {@code --log-format json}), 1 an internal failure. The logging options ({@link
 * LoggingOptions}) apply to every command and are set up once, before it runs.
 */
@Command(
    name = "seqpipe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Pipeline files in, trained and evaluated NLP models out.",
    subcommands = {RunCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
        TranslateCommand.class, ForecastCommand.class, AverageCommand.class, ServeCommand.class, InitCommand.class, DataCommand.class, ValidateCommand.class,
        ConvertCommand.class, ScoreCommand.class, CompareCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class, SweepCommand.class})
public final class SeqpipeCommand {

  @Mixin LoggingOptions logging;

  /** Exit code for bad input and bad usage. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(exitCode);
  }

  /** The command line with Seqpipe's error handling, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    SeqpipeCommand root = new SeqpipeCommand();
    CommandLine commandLine = commandLine((Object) root);
    commandLine.setExecutionStrategy(parseResult -> {
      root.logging.apply();
      return new RunLast().execute(parseResult);
    });
    return commandLine;
  }

  /**
   * A command line for {@code command} (a picocli command object) with Seqpipe's error handling: bad input
   * is one line on standard error and exit code {@value #BAD_INPUT}, as for {@code seqpipe} itself.
   */
  public static CommandLine commandLine(Object command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setParameterExceptionHandler((exception, args) -> {
      CommandLine failed = exception.getCommandLine();
      failed.getErr().println("seqpipe: " + exception.getMessage() + " (see '"
          + failed.getCommandSpec().qualifiedName() + " --help')");
      return BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      String message = userMessage(exception);
      if (message == null) {
        exception.printStackTrace(err);
        return 1;
      }
      String json = Logs.jsonError(message);
      if (json != null) {
        err.print(json);
      } else if (exception instanceof PipelineException) {
        err.println(message); // already one FILE:LINE:COL: line per problem
      } else {
        err.println("seqpipe: " + message);
      }
      return BAD_INPUT;
    });
    return commandLine;
  }

  /** The one line a user sees for a bad-input exception, or null if it is a bug. */
  static String userMessage(Exception exception) {
    if (exception instanceof InputFormatException || exception instanceof IllegalArgumentException
        || exception instanceof PipelineException || exception instanceof TrainingDivergedException) {
      return exception.getMessage();
    }
    Throwable io = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
    if (io instanceof FileSystemException failed) {
      return FileErrors.describe(failed);
    }
    if (io instanceof IOException ioException) {
      return ioException.getMessage();
    }
    return null;
  }
}
