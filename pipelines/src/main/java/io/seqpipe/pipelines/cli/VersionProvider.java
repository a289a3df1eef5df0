package io.seqpipe.pipelines.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SeqpipeCommand.class.getPackage().getImplementationVersion();
    return new String[] {"seqpipe " + (version == null ? "dev" : version)};
  }
}
