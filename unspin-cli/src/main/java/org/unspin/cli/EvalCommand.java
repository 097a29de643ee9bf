package org.unspin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unspin eval}: evaluation tools (simulated spinning, and later the measurement harness). */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluation tools: make test data, measure detection and restoration.",
    subcommands = {
        EvalSimulateCommand.class,
    })
public final class EvalCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
