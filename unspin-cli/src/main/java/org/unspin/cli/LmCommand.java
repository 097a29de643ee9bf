package org.unspin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unspin lm}: build, import, export, inspect and evaluate n-gram language models. */
@Command(
    name = "lm",
    mixinStandardHelpOptions = true,
    description = "Build, import, export, inspect and evaluate n-gram language models.",
    subcommands = {
        LmBuildCommand.class,
        LmImportCommand.class,
        LmExportCommand.class,
        LmInfoCommand.class,
        LmPerplexityCommand.class,
    })
public final class LmCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
