package io.seqpipe.pipelines.cli;

import picocli.CommandLine.Option;

/** {@code --engine} and {@code --device}, as every command that trains or runs a model takes them. */
final class EngineArguments {
  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "mxnet or pytorch (training: same as --set train.engine; a saved model: default the one it was trained with).")
  String engine;

  @Option(names = "--device", paramLabel = "DEVICE",
      description = "auto, cpu, gpu or gpu:N (training: same as --set train.device; default auto).")
  String device;
}
