package io.seqpipe.pipelines.cli;

import picocli.CommandLine.Command;

/** {@code seqpipe score}: metrics over files. */
@Command(name = "score", description = "Score system output against references.",
    mixinStandardHelpOptions = true,
    subcommands = {BleuCommand.class, ChrFCommand.class, F1Command.class})
final class ScoreCommand {}
