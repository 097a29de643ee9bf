package org.unspin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unspin index}: build, extend and inspect a source index for {@code unspin trace}. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build, extend and inspect a source index (Lucene) for 'unspin trace'.",
    subcommands = {
        IndexBuildCommand.class,
        IndexAddCommand.class,
        IndexInfoCommand.class,
    })
public final class IndexCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
